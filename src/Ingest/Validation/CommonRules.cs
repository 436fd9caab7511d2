namespace Preventiemonitor.Ingest.Validation;

/// <summary>Shared column rules of the datasets.</summary>
internal static class CommonRules
{
    public const int FirstYear = 2015;
    public const int LastYear = 2100;

    public static readonly string[] Doelgroepen = ["jeugdigen", "ouders", "beide"];
    public static readonly string[] Preventietypen = ["universeel", "selectief", "geindiceerd"];
    public static readonly string[] Momenten = ["T0", "T1", "T2"];

    public static string? Lookup(string[] codes, string value)
    {
        var trimmed = value.AsSpan().Trim();
        foreach (var code in codes)
        {
            if (trimmed.Equals(code, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>The municipality code of the row; a code other than the folder's is a row-level error.</summary>
    public static string? Gemeente(RowCells cells, ValidationContext context)
    {
        var code = cells.Code("gemeente", true, v => context.Catalog.FindGemeente(v)?.Code, v => $"onbekende gemeente '{v}'");
        if (code is not null && context.FolderGemeente is not null && code != context.FolderGemeente)
        {
            cells.Add("gemeente", code, $"gemeente {code} hoort niet bij de map {context.FolderGemeente}");
            return null;
        }

        return code;
    }

    public static string? Thema(RowCells cells, ValidationContext context, string column, bool required) =>
        cells.Code(column, required, v => context.Catalog.FindThema(v)?.Code, v => $"onbekend thema '{v}'");
}
