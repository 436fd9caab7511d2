using System.Globalization;
using Dapper;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Deliveries;
using Spectre.Console;

namespace Preventiemonitor.Worker.Cli;

/// <summary>The deliveries of one or more ingest runs as they stand after the whole run: one table row each, reasons and notes below.</summary>
internal sealed class DeliveryTable
{
    private readonly IReadOnlyList<IngestRun> _runs;
    private readonly IReadOnlyDictionary<long, Line> _lines;

    private DeliveryTable(IReadOnlyList<IngestRun> runs, IReadOnlyDictionary<long, Line> lines)
    {
        _runs = runs;
        _lines = lines;
    }

    public static async Task<DeliveryTable> LoadAsync(NpgsqlDataSource dataSource, IReadOnlyList<IngestRun> runs, CancellationToken ct)
    {
        var ids = runs.SelectMany(r => r.Deliveries).Select(d => d.LeveringId).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var lines = (await connection.QueryAsync<Line>(new CommandDefinition(
            "SELECT id, status, reden, rijen, geaccepteerd, geweigerd, waarschuwingen FROM levering WHERE id = ANY (@ids)",
            new { ids }, cancellationToken: ct)).ConfigureAwait(false)).ToDictionary(r => r.Id);
        return new DeliveryTable(runs, lines);
    }

    public void Write(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("levering").RightAligned());
        table.AddColumn("status");
        table.AddColumn("bestand");
        foreach (var column in new[] { "rijen", "geaccepteerd", "geweigerd", "waarschuwingen" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        var remarks = new List<string>();
        foreach (var d in _runs.SelectMany(r => r.Deliveries))
        {
            var l = _lines[d.LeveringId];
            var status = d.AlreadyProcessed ? $"al verwerkt ({l.Status})" : l.Status;
            table.AddRow(
                new Text(Inv(d.LeveringId)), new Text(status), new Text(d.Bestand), new Text(l.Rijen is { } n ? Inv(n) : "niet gelezen"),
                new Text(Inv(l.Geaccepteerd)), new Text(Inv(l.Geweigerd)), new Text(Inv(l.Waarschuwingen)));
            if (l.Reden is not null)
            {
                remarks.Add($"levering {d.LeveringId}: reden: {l.Reden}");
            }
            else if (l.Status == LeveringStatus.Vervangen && !d.AlreadyProcessed)
            {
                remarks.Add($"levering {d.LeveringId}: vervangen door een nieuwere levering in deze run");
            }
        }

        console.Write(table);
        foreach (var line in remarks.Concat(_runs.SelectMany(r => r.Notes)))
        {
            console.Line($"  {line}");
        }
    }

    /// <summary>"8 deels_geaccepteerd, 6 geaccepteerd, …": the deliveries per status, in status order.</summary>
    public string StatusCounts() =>
        string.Join(", ", _lines.Values.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>"18 leveringen (8 deels_geaccepteerd, …), waarvan 0 al verwerkt; nieuw: N rijen geaccepteerd, M geweigerd."</summary>
    public string Summary()
    {
        var deliveries = _runs.SelectMany(r => r.Deliveries).ToList();
        var fresh = deliveries.Where(d => !d.AlreadyProcessed).Select(d => _lines[d.LeveringId]).ToList();
        return $"{deliveries.Count} leveringen ({StatusCounts()}), waarvan {deliveries.Count - fresh.Count} al verwerkt; " +
               $"nieuw: {Inv(fresh.Sum(r => r.Geaccepteerd))} rijen geaccepteerd, {Inv(fresh.Sum(r => r.Geweigerd))} geweigerd.";
    }

    private static string Inv(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Line
    {
        public long Id { get; set; }

        public string Status { get; set; } = string.Empty;

        public string? Reden { get; set; }

        public int? Rijen { get; set; }

        public int Geaccepteerd { get; set; }

        public int Geweigerd { get; set; }

        public int Waarschuwingen { get; set; }
    }
}
