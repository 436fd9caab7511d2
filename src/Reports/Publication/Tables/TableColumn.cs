using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>
/// A declared column bound to the property of the row record that holds it: the writers read the value
/// through <see cref="Value"/>, the review site's reader sets it through <see cref="Property"/>.
/// Integers come out as <see cref="long"/>, numbers as <see cref="double"/>, null = missing.
/// </summary>
public sealed class TableColumn<TRow>
{
    private readonly Func<TRow, object?> _get;

    public TableColumn(ColumnSpec spec, LambdaExpression property)
    {
        ArgumentNullException.ThrowIfNull(property);
        Spec = spec;
        Property = Unconverted(property.Body) is MemberExpression { Member: PropertyInfo info } member && member.Expression == property.Parameters[0]
            ? info
            : throw new ArgumentException($"Kolom {spec.Name}: verwijs naar één eigenschap van de rij, zoals r => r.Naam.", nameof(property));
        var row = property.Parameters[0];
        _get = Expression.Lambda<Func<TRow, object?>>(Expression.Convert(Expression.Property(row, Property), typeof(object)), row).Compile();
    }

    public ColumnSpec Spec { get; }

    /// <summary>The property of the row record this column publishes.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The expression without the conversions C# adds (int → long?).</summary>
    internal static Expression Unconverted(Expression body)
    {
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }

        return body;
    }

    /// <summary>The typed, unrounded value of this column in <paramref name="row"/>.</summary>
    public object? Value(TRow row) => _get(row) switch
    {
        null => null,
        int i => (long)i,
        decimal m => (double)m,
        var other => other,
    };

    /// <summary>Sets the value read from a published CSV cell (empty = missing) on <paramref name="row"/>.</summary>
    public void Parse(TRow row, string text)
    {
        var type = Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;
        object? value = text.Length == 0 && type != typeof(string) ? null : Spec.Type switch
        {
            ColumnType.Text => text.Length == 0 ? null : text,
            ColumnType.Integer => Convert.ChangeType(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), type, CultureInfo.InvariantCulture),
            ColumnType.Number => Convert.ChangeType(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), type, CultureInfo.InvariantCulture),
            ColumnType.Boolean => bool.Parse(text),
            ColumnType.DateTime => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            _ => throw new ArgumentOutOfRangeException(nameof(text), Spec.Type, "Onbekend kolomtype."),
        };
        if (value is null && Property.PropertyType.IsValueType && Nullable.GetUnderlyingType(Property.PropertyType) is null)
        {
            throw new FormatException($"Kolom {Spec.Name} mag niet leeg zijn.");
        }

        Property.SetValue(row, value);
    }
}
