namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The warnings of a measurement delivery that depend on the current inventory (aanleverformaat §2.2):
/// measurements of a programme that is not in the accepted inventory of that municipality and year
/// ("onbekend programma"), and measurements on an instrument whose theme is not among the programme's
/// themes. Both kinds of rows are kept and counted as accepted. One warning per programme, or per
/// programme and instrument, with the number of measurements and the first row. They are derived
/// again whenever the measurements or the inventory change, so a report always tells the current
/// state: an inventory that arrives later (even later in the same run) clears "onbekend programma".
/// </summary>
internal static class MeasurementWarnings
{
    /// <summary>
    /// Derives the warnings again for the measurement deliveries <c>@ids</c> and updates their counts, from their
    /// groups in <c>meting_groep</c> (written when each delivery was loaded), without reading their rows.
    /// </summary>
    public const string Rederive = Delete + """

        CREATE TEMP TABLE afgeleid_groep ON COMMIT DROP AS
        SELECT g.levering_id, g.gemeente, g.jaar, g.programma_id, g.instrument, g.rij, g.n
        FROM meting_groep g
        WHERE g.levering_id = ANY (@ids);

        """ + Derive;

    /// <summary>
    /// The groups of a delivery <c>@id</c> loaded on the exact staging path, counted from its rows in
    /// <c>meting</c> (run once, right after they were inserted, before <see cref="Rederive"/>).
    /// </summary>
    public const string RecordGroupsFromRows = """
        INSERT INTO meting_groep (levering_id, gemeente, jaar, programma_id, instrument, rij, n)
        SELECT m.levering_id, m.gemeente, m.jaar, m.programma_id, m.instrument, min(m.rij), count(*)
        FROM meting m
        WHERE m.levering_id = @id
        GROUP BY m.levering_id, m.gemeente, m.jaar, m.programma_id, m.instrument
        """;

    /// <summary>
    /// The groups of a delivery loaded on the fast path, counted while its rows were written
    /// (<see cref="MeasurementGroups"/>), then its warnings as <see cref="Rederive"/> derives them.
    /// </summary>
    public const string DeriveFromGroups = """
        INSERT INTO meting_groep (levering_id, gemeente, jaar, programma_id, instrument, rij, n)
        SELECT g.levering_id, g.gemeente, g.jaar, g.programma_id, g.instrument, g.rij, g.n
        FROM unnest(@leveringen::bigint[], @gemeenten::text[], @jaren::integer[], @programmas::text[], @instrumenten::text[],
                    @rijen::bigint[], @aantallen::bigint[]) AS g (levering_id, gemeente, jaar, programma_id, instrument, rij, n);

        """ + Rederive;

    private const string Delete = "DELETE FROM levering_waarschuwing WHERE afgeleid AND levering_id = ANY (@ids);";

    private const string Derive = """
        INSERT INTO levering_waarschuwing (levering_id, rij, kolom, waarde, melding, afgeleid)
        SELECT g.levering_id, min(g.rij), 'programma_id', g.programma_id,
               format('onbekend programma ''%s'': %s meting(en) bewaard; ze tellen mee zodra het programma in een geaccepteerde inventaris van %s voor %s staat',
                      g.programma_id, sum(g.n), g.gemeente, g.jaar),
               true
        FROM afgeleid_groep g
        WHERE NOT EXISTS (SELECT 1 FROM actueel_programma p
                          WHERE p.gemeente = g.gemeente AND p.jaar = g.jaar AND p.programma_id = g.programma_id)
        GROUP BY g.levering_id, g.gemeente, g.jaar, g.programma_id;

        INSERT INTO levering_waarschuwing (levering_id, rij, kolom, waarde, melding, afgeleid)
        SELECT g.levering_id, min(g.rij), 'instrument', g.instrument,
               format('instrument %s (thema %s) hoort niet bij de thema''s van programma ''%s'': %s meting(en) bewaard, niet gebruikt in de score',
                      g.instrument, i.thema, g.programma_id, sum(g.n)),
               true
        FROM afgeleid_groep g
        JOIN actueel_programma p ON p.gemeente = g.gemeente AND p.jaar = g.jaar AND p.programma_id = g.programma_id
        JOIN instrument i ON i.code = g.instrument
        WHERE i.thema <> p.thema_primair AND NOT (i.thema = ANY (p.themas_secundair))
        GROUP BY g.levering_id, g.gemeente, g.jaar, g.programma_id, g.instrument, i.thema;

        DROP TABLE afgeleid_groep;

        UPDATE levering l
        SET waarschuwingen = (SELECT count(*) FROM levering_waarschuwing w WHERE w.levering_id = l.id)
        WHERE l.id = ANY (@ids);
        """;

    /// <summary>The current measurement deliveries of the municipalities and years in <c>stage_programma</c>.</summary>
    public const string CurrentForNewInventory = """
        SELECT DISTINCT a.levering_id
        FROM actuele_levering a
        JOIN (SELECT DISTINCT gemeente, jaar FROM stage_programma) k ON k.gemeente = a.gemeente AND k.jaar = a.jaar
        WHERE a.dataset = 'metingen'
        """;
}
