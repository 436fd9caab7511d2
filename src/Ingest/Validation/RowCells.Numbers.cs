using System.Globalization;
using System.Text.RegularExpressions;
using Preventiemonitor.Ingest.Parsing;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>The number and date rules of <see cref="RowCells"/> (aanleverformaat §3).</summary>
public sealed partial class RowCells
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy"];

    public int? Integer(string column, bool required, int min, int max)
    {
        var text = Text(column);
        if (text is null)
        {
            if (required)
            {
                Missing(column);
            }

            return null;
        }

        var cell = _mapping.Cell(_row, column);
        long value;
        if (cell.Number is double number && number == Math.Floor(number) && Math.Abs(number) < long.MaxValue)
        {
            value = (long)number;
        }
        else if (!IntegerPattern().IsMatch(text) || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            Add(column, text, $"'{Shorten(text)}' is geen geheel getal");
            return null;
        }

        if (value < min || value > max)
        {
            // Without an upper bound of its own (int.MaxValue) the rule reads "from min"; a value beyond
            // what a whole number column can hold is then "too large", not "smaller than min".
            Add(column, text, max != int.MaxValue ? $"{column} {text} ligt buiten {min}–{max}"
                : value < min ? $"{column} {text} is kleiner dan {min}"
                : $"{column} {text} is groter dan {max}");
            return null;
        }

        return (int)value;
    }

    public decimal? Decimal(string column, bool required, decimal? min = null)
    {
        var text = Text(column);
        if (text is null)
        {
            if (required)
            {
                Missing(column);
            }

            return null;
        }

        var value = ParseDecimal(_mapping.Cell(_row, column), text);
        if (value is null)
        {
            var hint = _format == FileFormat.Csv && !_decimalCommaAllowed && text.Contains(',', StringComparison.Ordinal)
                ? " (een decimale komma mag alleen bij scheidingsteken ';' of tab; gebruik hier een punt)"
                : string.Empty;
            Add(column, text, $"'{Shorten(text)}' is geen getal{hint}");
            return null;
        }

        if (min is decimal lowest && value < lowest)
        {
            Add(column, text, $"{column} {text} is kleiner dan {Format(lowest)}");
            return null;
        }

        return value;
    }

    private decimal? ParseDecimal(RawCell cell, string text)
    {
        if (cell.Number is double number && cell.Date is null)
        {
            try
            {
                return (decimal)number;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        var pattern = _decimalCommaAllowed ? DecimalCommaPattern() : DecimalPointPattern();
        if (!pattern.IsMatch(text))
        {
            return null;
        }

        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public DateOnly? Date(string column, bool required)
    {
        var cell = _mapping.Cell(_row, column);
        if (cell.Date is DateTime date)
        {
            return DateOnly.FromDateTime(date);
        }

        var text = Text(column);
        if (text is null)
        {
            if (required)
            {
                Missing(column);
            }

            return null;
        }

        if (CommonDate(text) is DateOnly common)
        {
            return common;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        Add(column, text, $"'{Shorten(text)}' is geen geldige datum (verwacht jjjj-mm-dd, dd-mm-jjjj of d-m-jjjj)");
        return null;
    }

    /// <summary>
    /// The two usual forms, <c>jjjj-mm-dd</c> and <c>dd-mm-jjjj</c> (ASCII digits, an existing date), without the
    /// general parser; anything else (other widths, an impossible date) is left to <see cref="DateOnly.TryParseExact(string, string[], IFormatProvider, DateTimeStyles, out DateOnly)"/>,
    /// which accepts the same two forms, so the outcome is the same.
    /// </summary>
    private static DateOnly? CommonDate(string text)
    {
        if (text.Length != 10)
        {
            return null;
        }

        int year, month, day;
        if (text[4] == '-' && text[7] == '-')
        {
            year = Digits(text, 0, 4);
            month = Digits(text, 5, 2);
            day = Digits(text, 8, 2);
        }
        else if (text[2] == '-' && text[5] == '-')
        {
            day = Digits(text, 0, 2);
            month = Digits(text, 3, 2);
            year = Digits(text, 6, 4);
        }
        else
        {
            return null;
        }

        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>The number written by <paramref name="count"/> ASCII digits from <paramref name="start"/>, or -1.</summary>
    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex DecimalPointPattern();

    [GeneratedRegex(@"^[+-]?[0-9]+([.,][0-9]+)?$")]
    private static partial Regex DecimalCommaPattern();
}
