using System.Globalization;
using Preventiemonitor.Ingest.Parsing;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// Reads the typed values of one row per the format rules of aanleverformaat §3 (trimmed text, codes
/// case-insensitive, decimal comma with ';' or TAB, the three date forms, XLSX cell types) and
/// collects a Dutch reason for every value that breaks a rule.
/// </summary>
public sealed partial class RowCells
{
    private readonly RawRow _row;
    private readonly HeaderMapping _mapping;
    private readonly bool _decimalCommaAllowed;
    private readonly FileFormat _format;
    private HashSet<string>? _unusable;
    private List<RowIssue>? _issues;

    /// <summary>The longest value a cell may hold (Excel's own limit for one cell).</summary>
    public const int MaxFieldChars = 32_767;

    /// <summary>
    /// Starts the checks of a row. Values that no column can take are reported straight away, never
    /// dropped: values beyond the header's last column, and values under a column without a name.
    /// </summary>
    public RowCells(RawRow row, HeaderMapping mapping, bool decimalCommaAllowed, FileFormat format = FileFormat.Csv)
    {
        _row = row;
        _mapping = mapping;
        _decimalCommaAllowed = decimalCommaAllowed;
        _format = format;
        if (row.ExtraNonEmptyCells > 0)
        {
            Add(null, null, format == FileFormat.Csv && !decimalCommaAllowed
                ? $"rij heeft {row.ExtraNonEmptyCells} waarde(n) meer dan de kopregel kolommen heeft; staat er een scheidingsteken te veel, bijvoorbeeld een decimale komma bij scheidingsteken ','?"
                : $"rij heeft {row.ExtraNonEmptyCells} waarde(n) meer dan de kopregel kolommen heeft");
        }

        foreach (var index in mapping.Unnamed)
        {
            if (index < row.Cells.Count && !row.Cells[index].IsEmpty)
            {
                var text = row.Cells[index].Text ?? row.Cells[index].Number?.ToString(CultureInfo.InvariantCulture);
                Add(null, text is null ? null : Shorten(text), $"waarde in kolom {index + 1}, die in de kopregel geen naam heeft");
            }
        }
    }

    /// <summary>The reasons found so far (created at the first: most rows have none).</summary>
    public List<RowIssue> Issues => _issues ??= [];

    public bool HasIssues => _issues is { Count: > 0 };

    public RawRow Row => _row;

    public void Add(string? column, string? value, string reason) => Issues.Add(new RowIssue(column, value, reason));

    /// <summary>The trimmed text of a cell, or null when empty.</summary>
    public string? Text(string column)
    {
        var cell = _mapping.Cell(_row, column);
        if (cell.IsEmpty)
        {
            return null;
        }

        if (cell.Date is DateTime date && string.IsNullOrWhiteSpace(cell.Text))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (cell.Number is double number && string.IsNullOrWhiteSpace(cell.Text))
        {
            return number.ToString("R", CultureInfo.InvariantCulture);
        }

        if (cell.Text is { } raw && !Usable(column, raw))
        {
            return null;
        }

        var text = cell.Text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>"column ontbreekt", unless the column's value was already reported as unusable.</summary>
    public void Missing(string column)
    {
        if (_unusable?.Contains(column) != true)
        {
            Add(column, null, $"{column} ontbreekt (verplicht)");
        }
    }

    /// <summary>
    /// A value with a forbidden character (<see cref="SafeText"/>) or longer than <see cref="MaxFieldChars"/>
    /// is a row error, reported once per column and never echoed (it cannot be stored as it is).
    /// </summary>
    private bool Usable(string column, string raw)
    {
        var bad = SafeText.FirstForbidden(raw);
        if (bad < 0 && raw.Length <= MaxFieldChars)
        {
            return true;
        }

        if ((_unusable ??= new HashSet<string>(StringComparer.Ordinal)).Add(column))
        {
            Add(column, null, bad >= 0
                ? $"{column} bevat een ongeldig teken ({SafeText.Describe(raw[bad])}) op positie {bad + 1}"
                : $"{column} is langer dan {DutchNumbers.Count(MaxFieldChars)} tekens ({DutchNumbers.Count(raw.Length)})");
        }

        return false;
    }

    /// <summary>Required or optional text with a length limit.</summary>
    public string? String(string column, bool required, int maxLength)
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

        if (text.Length > maxLength)
        {
            Add(column, Shorten(text), $"{column} is langer dan {maxLength} tekens ({text.Length})");
            return null;
        }

        return text;
    }

    /// <summary>A code from a fixed set, matched case-insensitively after trimming; returns the canonical code.</summary>
    public string? Code(string column, bool required, Func<string, string?> lookup, Func<string, string> unknownReason)
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

        var code = lookup(text);
        if (code is null)
        {
            Add(column, text, unknownReason(Shorten(text)));
        }

        return code;
    }

    public static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
