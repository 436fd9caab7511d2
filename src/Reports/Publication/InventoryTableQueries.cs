using Dapper;
using Npgsql;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>The tables read from the deliveries themselves: the inventory the score run used and the data quality of the year.</summary>
internal static class InventoryTableQueries
{
    /// <summary>The inventory rows the score run used (its programme deliveries), not whatever is current now.</summary>
    public static async Task<PublishedTable<ProgrammaRow>> ProgrammasAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<Programma>(new CommandDefinition("""
            SELECT p.gemeente, p.jaar, p.programma_id AS ProgrammaId, p.naam, p.aanbieder, p.doelgroep, p.leeftijd_van AS LeeftijdVan,
                   p.leeftijd_tot AS LeeftijdTot, p.thema_primair AS ThemaPrimair, p.themas_secundair AS ThemasSecundair, p.erkenning,
                   p.preventietype, p.deelnemers, p.budget_eur AS BudgetEur
            FROM programma p JOIN score_run_levering r ON r.levering_id = p.levering_id
            WHERE r.score_run_id = @Id AND p.jaar = @Jaar
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return ProgrammaRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente)).ThenBy(r => r.ProgrammaId, StringComparer.Ordinal)
            .Select(p => new ProgrammaRow
            {
                Gemeente = p.Gemeente,
                GemeenteNaam = order.Naam(p.Gemeente),
                Jaar = p.Jaar,
                ProgrammaId = p.ProgrammaId,
                Naam = p.Naam,
                Aanbieder = p.Aanbieder,
                Doelgroep = p.Doelgroep,
                LeeftijdVan = p.LeeftijdVan,
                LeeftijdTot = p.LeeftijdTot,
                ThemaPrimair = p.ThemaPrimair,
                ThemasSecundair = order.Secundair(p.ThemasSecundair),
                Erkenning = p.Erkenning,
                Preventietype = p.Preventietype,
                Deelnemers = p.Deelnemers,
                BudgetEur = p.BudgetEur is decimal b ? (double)b : null,
            }));
    }

    /// <summary>
    /// Every delivery received for a dataset and year of this publication (also refused and replaced
    /// ones), refused deliveries whose year could not be read (jaar empty), and the population and
    /// national-list deliveries in use (gemeente and jaar empty).
    /// </summary>
    public static async Task<PublishedTable<DatakwaliteitRow>> DatakwaliteitAsync(NpgsqlConnection c, ScoreRunInfo run, CancellationToken ct)
    {
        var rows = await c.QueryAsync<Delivery>(new CommandDefinition("""
            SELECT l.id, l.bron, l.dataset, l.bestand, l.sha256, l.ontvangen_op AS OntvangenOp, l.status, l.rijen,
                   l.geaccepteerd, l.geweigerd, l.waarschuwingen,
                   CASE WHEN l.dataset IN ('bevolking', 'interventies') OR cardinality(l.jaren) = 0 THEN NULL ELSE @Jaar END AS Jaar,
                   CASE WHEN l.dataset IN ('bevolking', 'interventies') THEN NULL ELSE l.gemeente END AS GemeenteKolom
            FROM levering l
            WHERE (l.dataset IN ('programmas', 'metingen') AND @Jaar = ANY (l.jaren))
               OR (l.status = 'geweigerd' AND cardinality(l.jaren) = 0)
               OR l.id IN (SELECT r.levering_id FROM score_run_levering r JOIN levering x ON x.id = r.levering_id
                           WHERE r.score_run_id = @Id AND x.dataset IN ('bevolking', 'interventies'))
            ORDER BY l.id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return DatakwaliteitRow.Table.NewTable(rows.Select(d => new DatakwaliteitRow
        {
            LeveringId = d.Id,
            Bron = d.Bron,
            Gemeente = d.GemeenteKolom,
            Dataset = d.Dataset,
            Jaar = d.Jaar,
            Bestand = d.Bestand,
            Sha256 = d.Sha256,
            OntvangenOp = new DateTimeOffset(DateTime.SpecifyKind(d.OntvangenOp, DateTimeKind.Utc)),
            Status = d.Status,
            Rijen = d.Rijen,
            Geaccepteerd = d.Geaccepteerd,
            Geweigerd = d.Rijen is null ? null : d.Geweigerd,
            Waarschuwingen = d.Waarschuwingen,
        }));
    }

    private sealed class Programma
    {
        public string Gemeente { get; set; } = "";
        public int Jaar { get; set; }
        public string ProgrammaId { get; set; } = "";
        public string Naam { get; set; } = "";
        public string? Aanbieder { get; set; }
        public string Doelgroep { get; set; } = "";
        public int LeeftijdVan { get; set; }
        public int LeeftijdTot { get; set; }
        public string ThemaPrimair { get; set; } = "";
        public string[] ThemasSecundair { get; set; } = [];
        public string Erkenning { get; set; } = "";
        public string? Preventietype { get; set; }
        public int Deelnemers { get; set; }
        public decimal? BudgetEur { get; set; }
    }

    private sealed class Delivery
    {
        public long Id { get; set; }
        public string Bron { get; set; } = "";
        public string? GemeenteKolom { get; set; }
        public string? Dataset { get; set; }
        public string Bestand { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public DateTime OntvangenOp { get; set; }
        public string Status { get; set; } = "";
        public int? Rijen { get; set; }
        public int Geaccepteerd { get; set; }
        public int Geweigerd { get; set; }
        public int Waarschuwingen { get; set; }
        public int? Jaar { get; set; }
    }
}
