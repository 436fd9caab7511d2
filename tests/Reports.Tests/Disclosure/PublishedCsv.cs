using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>Reads a published CSV (publicatie §3) into rows of column → text, each with its row key.</summary>
public static class PublishedCsv
{
    /// <summary>The key columns of each table the attacker reads, in publication order.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> KeyColumns = new Dictionary<string, string[]>
    {
        ["programmas"] = ["gemeente", "programma_id"],
        ["effecten"] = ["gemeente", "programma_id", "thema", "instrument"],
        ["scores_programma_thema"] = ["gemeente", "programma_id", "thema"],
        ["scores_gemeente_thema"] = ["gemeente", "thema"],
        ["duurzaamheid_effecten"] = ["gemeente", "programma_id", "thema", "instrument"],
        ["duurzaamheid_programma_thema"] = ["gemeente", "programma_id", "thema"],
        ["duurzaamheid_gemeente_thema"] = ["gemeente", "thema"],
        ["effecten_doelgroep"] = ["gemeente", "thema", "dimensie", "groep"],
    };

    /// <summary>The tables of a v1 publication the attacker reads.</summary>
    public static readonly IReadOnlyList<string> V1Tables = ["programmas", "effecten", "scores_programma_thema", "scores_gemeente_thema"];

    public static List<Dictionary<string, string>> Read(string folder, string table)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true };
        using var reader = new StreamReader(Path.Combine(folder, table + ".csv"));
        using var csv = new CsvReader(reader, config);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = header.ToDictionary(h => h, h => csv.GetField(h) ?? "");
            row["_key"] = string.Join("|", KeyColumns[table].Select(c => row[c]));
            rows.Add(row);
        }

        return rows;
    }

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
