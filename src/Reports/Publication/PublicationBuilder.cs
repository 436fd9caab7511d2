using Dapper;
using Npgsql;
using Preventiemonitor.Storage;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Reports.Publication;

/// <summary>A score run as the publication needs it.</summary>
public sealed record ScoreRunInfo(long Id, int Jaar, string MethodeVersie, IReadOnlyDictionary<string, double> Parameters, int KMin);

/// <summary>A delivery used by the score run (for the Toelichting and datapackage.json).</summary>
public sealed record UsedDelivery(long Id, string Bron, string Bestand, string Sha256);

/// <summary>The unsuppressed tables of a publication with what describes them.</summary>
public sealed record PublicationData(ScoreRunInfo Run, IReadOnlyList<UsedDelivery> Deliveries, IReadOnlyList<PublishedTable> Tables);

/// <summary>
/// Reads a stored score run and the deliveries it used and builds every table of publicatie §2, in the
/// sort order of §3 (municipality codes ordinal with REGIO last, ids ordinal, themes, instruments and
/// age bands in contract order, delivery ids ascending). Values are unrounded; suppression and
/// formatting come after.
/// </summary>
public sealed class PublicationBuilder(NpgsqlDataSource dataSource)
{
    public async Task<PublicationData> BuildAsync(long scoreRunId, CancellationToken ct)
    {
        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(ct).ConfigureAwait(false);
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var run = await c.QuerySingleOrDefaultAsync<(long Id, int Jaar, string Versie, string Parameters)>(new CommandDefinition(
            "SELECT id, jaar, methode_versie, parameters::text FROM score_run WHERE id = @scoreRunId", new { scoreRunId }, cancellationToken: ct)).ConfigureAwait(false);
        if (run.Id == 0)
        {
            throw new ArgumentException($"Score run {scoreRunId} bestaat niet.");
        }

        var parameters = System.Text.Json.JsonSerializer.Deserialize<SortedDictionary<string, double>>(run.Parameters)!;
        var info = new ScoreRunInfo(run.Id, run.Jaar, run.Versie, parameters, (int)parameters["k_min"]);
        var deliveries = (await c.QueryAsync<UsedDelivery>(new CommandDefinition("""
            SELECT l.id, l.bron, l.bestand, l.sha256 FROM score_run_levering r JOIN levering l ON l.id = r.levering_id
            WHERE r.score_run_id = @scoreRunId ORDER BY l.id
            """, new { scoreRunId }, cancellationToken: ct)).ConfigureAwait(false)).ToList();

        var order = new Order(catalog);
        var tables = new List<PublishedTable>
        {
            await ProgrammasAsync(c, info, catalog, order, ct).ConfigureAwait(false),
            await EffectenAsync(c, info, order, ct).ConfigureAwait(false),
            await ScoresProgrammaThemaAsync(c, info, order, ct).ConfigureAwait(false),
            await ScoresGemeenteThemaAsync(c, info, catalog, order, ct).ConfigureAwait(false),
            await WitteVlekkenAsync(c, info, order, ct).ConfigureAwait(false),
            await DatakwaliteitAsync(c, info, ct).ConfigureAwait(false),
            await InterventieMatchesAsync(c, info, order, ct).ConfigureAwait(false),
            await SuggestiesAsync(c, info, catalog, order, ct).ConfigureAwait(false),
        };
        return new PublicationData(info, deliveries, tables);
    }

    private static async Task<PublishedTable> ProgrammasAsync(NpgsqlConnection c, ScoreRunInfo run, ReferenceCatalog catalog, Order order, CancellationToken ct)
    {
        // The inventory rows the score run used (its programme deliveries), not whatever is current now.
        var rows = await c.QueryAsync<ProgrammaRow>(new CommandDefinition("""
            SELECT p.gemeente, p.jaar, p.programma_id AS ProgrammaId, p.naam, p.aanbieder, p.doelgroep, p.leeftijd_van AS LeeftijdVan,
                   p.leeftijd_tot AS LeeftijdTot, p.thema_primair AS ThemaPrimair, p.themas_secundair AS ThemasSecundair, p.erkenning,
                   p.preventietype, p.deelnemers, p.budget_eur AS BudgetEur
            FROM programma p JOIN score_run_levering r ON r.levering_id = p.levering_id
            WHERE r.score_run_id = @Id AND p.jaar = @Jaar
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        var table = new PublishedTable(PublicationTables.Programmas);
        foreach (var p in rows.OrderBy(r => order.Gemeente(r.Gemeente)).ThenBy(r => r.ProgrammaId, StringComparer.Ordinal))
        {
            var secundair = string.Join('|', catalog.Themas.Where(t => p.ThemasSecundair.Contains(t.Code)).Select(t => t.Code));
            table.Add(p.Gemeente, order.Naam(p.Gemeente), (long)p.Jaar, p.ProgrammaId, p.Naam, p.Aanbieder, p.Doelgroep, (long)p.LeeftijdVan,
                (long)p.LeeftijdTot, p.ThemaPrimair, secundair.Length == 0 ? null : secundair, p.Erkenning, p.Preventietype, (long)p.Deelnemers,
                p.BudgetEur is decimal b ? (double)b : null, false);
        }

        return table;
    }

    private static async Task<PublishedTable> EffectenAsync(NpgsqlConnection c, ScoreRunInfo run, Order order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<EffectRow>(new CommandDefinition("""
            SELECT gemeente, programma_id AS ProgrammaId, thema, instrument, paren, gemiddeld_verschil AS GemiddeldVerschil,
                   sd_verschil AS SdVerschil, d_z AS Dz, g, se, ci_laag AS CiLaag, ci_hoog AS CiHoog, reden
            FROM score_effect WHERE score_run_id = @Id
            """, new { run.Id }, cancellationToken: ct)).ConfigureAwait(false);
        var table = new PublishedTable(PublicationTables.Effecten);
        foreach (var e in rows.OrderBy(r => order.Gemeente(r.Gemeente)).ThenBy(r => r.ProgrammaId, StringComparer.Ordinal)
                     .ThenBy(r => order.Thema(r.Thema)).ThenBy(r => order.Instrument(r.Instrument)))
        {
            table.Add(e.Gemeente, (long)run.Jaar, e.ProgrammaId, e.Thema, e.Instrument, (long)e.Paren, e.GemiddeldVerschil, e.SdVerschil,
                e.Dz, e.G, e.Se, e.CiLaag, e.CiHoog, e.Reden, false);
        }

        return table;
    }

    private static async Task<PublishedTable> ScoresProgrammaThemaAsync(NpgsqlConnection c, ScoreRunInfo run, Order order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<ProgrammeThemeRow>(new CommandDefinition("""
            SELECT gemeente, programma_id AS ProgrammaId, thema, relevantie, erkenning, evidentie, effect_g AS EffectG,
                   effect_ci_laag AS EffectCiLaag, effect_ci_hoog AS EffectCiHoog, paren, score, label
            FROM score_programma_thema WHERE score_run_id = @Id
            """, new { run.Id }, cancellationToken: ct)).ConfigureAwait(false);
        var table = new PublishedTable(PublicationTables.ScoresProgrammaThema);
        foreach (var r in rows.OrderBy(r => order.Gemeente(r.Gemeente)).ThenBy(r => r.ProgrammaId, StringComparer.Ordinal).ThenBy(r => order.Thema(r.Thema)))
        {
            table.Add(r.Gemeente, (long)run.Jaar, r.ProgrammaId, r.Thema, r.Relevantie, r.Erkenning, r.Evidentie, r.EffectG, r.EffectCiLaag,
                r.EffectCiHoog, (long)r.Paren, r.Score, r.Label, false);
        }

        return table;
    }

    private static async Task<PublishedTable> ScoresGemeenteThemaAsync(NpgsqlConnection c, ScoreRunInfo run, ReferenceCatalog catalog, Order order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<MunicipalityRow>(new CommandDefinition("""
            SELECT gemeente, thema, programmas, deelnemers, score, effect_g AS EffectG, effect_ci_laag AS EffectCiLaag,
                   effect_ci_hoog AS EffectCiHoog, k, tau2, paren, bevolking_0_23 AS Bevolking, bereik_pct AS BereikPct
            FROM score_gemeente_thema WHERE score_run_id = @Id
            """, new { run.Id }, cancellationToken: ct)).ConfigureAwait(false);
        var table = new PublishedTable(PublicationTables.ScoresGemeenteThema);
        foreach (var r in rows.OrderBy(r => order.Gemeente(r.Gemeente)).ThenBy(r => order.Thema(r.Thema)))
        {
            table.Add(r.Gemeente, order.Naam(r.Gemeente), (long)run.Jaar, r.Thema, (long)r.Programmas, r.Deelnemers, r.Score,
                r.EffectG, r.EffectCiLaag, r.EffectCiHoog, (long)r.K, r.Tau2, (long)r.Paren, r.Bevolking, r.BereikPct, false);
        }

        return table;
    }

    private static async Task<PublishedTable> WitteVlekkenAsync(NpgsqlConnection c, ScoreRunInfo run, Order order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<(string Gemeente, string Thema, string Leeftijdsgroep, int Programmas, string? BesteErkenning, int Effectief, string Status)>(
            new CommandDefinition("""
                SELECT gemeente, thema, leeftijdsgroep, programmas, beste_erkenning, effectief, status
                FROM score_witte_vlek WHERE score_run_id = @Id
                """, new { run.Id }, cancellationToken: ct)).ConfigureAwait(false);
        var table = new PublishedTable(PublicationTables.WitteVlekken);
        foreach (var r in rows.OrderBy(r => order.Gemeente(r.Gemeente)).ThenBy(r => order.Thema(r.Thema)).ThenBy(r => order.Leeftijdsgroep(r.Leeftijdsgroep)))
        {
            table.Add(r.Gemeente, (long)run.Jaar, r.Thema, r.Leeftijdsgroep, (long)r.Programmas, r.BesteErkenning, (long)r.Effectief, r.Status);
        }

        return table;
    }

    /// <summary>Programmes matched to the national list (methode-v1 §5a), by gemeente (REGIO last) and programma_id.</summary>
    private static async Task<PublishedTable> InterventieMatchesAsync(NpgsqlConnection c, ScoreRunInfo run, Order order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<MatchRow>(new CommandDefinition("""
                SELECT gemeente, programma_id AS ProgrammaId, interventie_id AS InterventieId, interventie_naam AS InterventieNaam, databank, match,
                       erkenning_lokaal AS ErkenningLokaal, erkenning_landelijk AS ErkenningLandelijk, afwijking
                FROM score_interventie_match WHERE score_run_id = @Id
                """, new { run.Id }, cancellationToken: ct)).ConfigureAwait(false);
        var table = new PublishedTable(PublicationTables.InterventieMatches);
        foreach (var r in rows.OrderBy(r => order.Gemeente(r.Gemeente), StringComparer.Ordinal).ThenBy(r => r.ProgrammaId, StringComparer.Ordinal))
        {
            table.Add(r.Gemeente, (long)run.Jaar, r.ProgrammaId, r.InterventieId, r.InterventieNaam, r.Databank, r.Match, r.ErkenningLokaal,
                r.ErkenningLandelijk, r.Afwijking);
        }

        return table;
    }

    /// <summary>Suggestions for gaps (methode-v1 §5a), by gemeente (REGIO last), theme, age band, erkenning high → low, interventie_id.</summary>
    private static async Task<PublishedTable> SuggestiesAsync(NpgsqlConnection c, ScoreRunInfo run, ReferenceCatalog catalog, Order order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<SuggestionRow>(new CommandDefinition("""
                SELECT gemeente, thema, leeftijdsgroep, status, interventie_id AS InterventieId, interventie_naam AS InterventieNaam, databank, erkenning, url
                FROM score_suggestie WHERE score_run_id = @Id
                """, new { run.Id }, cancellationToken: ct)).ConfigureAwait(false);
        var table = new PublishedTable(PublicationTables.Suggesties);
        foreach (var r in rows.OrderBy(r => order.Gemeente(r.Gemeente), StringComparer.Ordinal).ThenBy(r => order.Thema(r.Thema))
                     .ThenBy(r => order.Leeftijdsgroep(r.Leeftijdsgroep)).ThenByDescending(r => catalog.FindErkenning(r.Erkenning)!.Rang)
                     .ThenBy(r => r.InterventieId, StringComparer.Ordinal))
        {
            table.Add(r.Gemeente, (long)run.Jaar, r.Thema, r.Leeftijdsgroep, r.Status, r.InterventieId, r.InterventieNaam, r.Databank, r.Erkenning, r.Url);
        }

        return table;
    }

    /// <summary>
    /// Every delivery received for a dataset and year of this publication (also refused and replaced
    /// ones), refused deliveries whose year could not be read (jaar empty), and the population and
    /// national-list deliveries in use (gemeente and jaar empty).
    /// </summary>
    private static async Task<PublishedTable> DatakwaliteitAsync(NpgsqlConnection c, ScoreRunInfo run, CancellationToken ct)
    {
        var rows = await c.QueryAsync<DeliveryRow>(new CommandDefinition("""
            SELECT l.id, l.bron, l.gemeente, l.dataset, l.bestand, l.sha256, l.ontvangen_op AS OntvangenOp, l.status, l.rijen,
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
        var table = new PublishedTable(PublicationTables.Datakwaliteit);
        foreach (var d in rows)
        {
            table.Add(d.Id, d.Bron, d.GemeenteKolom, d.Dataset, d.Jaar is int j ? (long)j : null, d.Bestand, d.Sha256,
                new DateTimeOffset(DateTime.SpecifyKind(d.OntvangenOp, DateTimeKind.Utc)), d.Status, d.Rijen is int n ? (long)n : null,
                (long)d.Geaccepteerd, d.Rijen is null ? null : (long)d.Geweigerd, (long)d.Waarschuwingen);
        }

        return table;
    }

    /// <summary>The sort orders of publicatie §3.</summary>
    private sealed class Order(ReferenceCatalog catalog)
    {
        private readonly Dictionary<string, int> _themas = catalog.Themas.ToDictionary(t => t.Code, t => t.Volgorde);
        private readonly Dictionary<string, int> _instrumenten = catalog.Instrumenten.ToDictionary(i => i.Code, i => i.Volgorde);
        private readonly Dictionary<string, int> _groepen = catalog.Leeftijdsgroepen.ToDictionary(l => l.Code, l => l.Volgorde);

        /// <summary>Ordinal order of the codes with REGIO last.</summary>
        public string Gemeente(string code) => code == catalog.Regio.Code ? "\uffff" : code;

        public string Naam(string code) => code == catalog.Regio.Code ? catalog.Regio.Naam : catalog.FindGemeente(code)!.Naam;

        public int Thema(string code) => _themas[code];

        public int Instrument(string code) => _instrumenten[code];

        public int Leeftijdsgroep(string code) => _groepen[code];
    }

    private sealed class ProgrammaRow
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

    private sealed class EffectRow
    {
        public string Gemeente { get; set; } = "";
        public string ProgrammaId { get; set; } = "";
        public string Thema { get; set; } = "";
        public string Instrument { get; set; } = "";
        public int Paren { get; set; }
        public double? GemiddeldVerschil { get; set; }
        public double? SdVerschil { get; set; }
        public double? Dz { get; set; }
        public double? G { get; set; }
        public double? Se { get; set; }
        public double? CiLaag { get; set; }
        public double? CiHoog { get; set; }
        public string? Reden { get; set; }
    }

    private sealed class ProgrammeThemeRow
    {
        public string Gemeente { get; set; } = "";
        public string ProgrammaId { get; set; } = "";
        public string Thema { get; set; } = "";
        public double Relevantie { get; set; }
        public string Erkenning { get; set; } = "";
        public double Evidentie { get; set; }
        public double? EffectG { get; set; }
        public double? EffectCiLaag { get; set; }
        public double? EffectCiHoog { get; set; }
        public int Paren { get; set; }
        public double Score { get; set; }
        public string Label { get; set; } = "";
    }

    private sealed class MunicipalityRow
    {
        public string Gemeente { get; set; } = "";
        public string Thema { get; set; } = "";
        public int Programmas { get; set; }
        public long Deelnemers { get; set; }
        public double? Score { get; set; }
        public double? EffectG { get; set; }
        public double? EffectCiLaag { get; set; }
        public double? EffectCiHoog { get; set; }
        public int K { get; set; }
        public double? Tau2 { get; set; }
        public int Paren { get; set; }
        public long? Bevolking { get; set; }
        public double? BereikPct { get; set; }
    }

    private sealed class DeliveryRow
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

    private sealed class MatchRow
    {
        public string Gemeente { get; set; } = "";
        public string ProgrammaId { get; set; } = "";
        public string InterventieId { get; set; } = "";
        public string InterventieNaam { get; set; } = "";
        public string Databank { get; set; } = "";
        public string Match { get; set; } = "";
        public string ErkenningLokaal { get; set; } = "";
        public string ErkenningLandelijk { get; set; } = "";
        public bool Afwijking { get; set; }
    }

    private sealed class SuggestionRow
    {
        public string Gemeente { get; set; } = "";
        public string Thema { get; set; } = "";
        public string Leeftijdsgroep { get; set; } = "";
        public string Status { get; set; } = "";
        public string InterventieId { get; set; } = "";
        public string InterventieNaam { get; set; } = "";
        public string Databank { get; set; } = "";
        public string Erkenning { get; set; } = "";
        public string? Url { get; set; }
    }
}
