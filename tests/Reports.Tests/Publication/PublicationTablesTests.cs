using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>The column names and order of every CSV, exactly as publicatie.md §2 lists them.</summary>
public sealed class PublicationTablesTests
{
    public static TheoryData<string, string> Spec => new()
    {
        { "programmas.csv", "gemeente, gemeente_naam, jaar, programma_id, naam, aanbieder, doelgroep, leeftijd_van, leeftijd_tot, thema_primair, themas_secundair, erkenning, preventietype, deelnemers, budget_eur, onderdrukt" },
        { "effecten.csv", "gemeente, jaar, programma_id, thema, instrument, paren, gemiddeld_verschil, sd_verschil, d_z, g, se, ci_laag, ci_hoog, reden, onderdrukt" },
        { "scores_programma_thema.csv", "gemeente, jaar, programma_id, thema, relevantie, erkenning, evidentie, effect_g, effect_ci_laag, effect_ci_hoog, paren, score, label, onderdrukt" },
        { "scores_gemeente_thema.csv", "gemeente, gemeente_naam, jaar, thema, programmas, deelnemers, score, effect_g, effect_ci_laag, effect_ci_hoog, k, tau2, paren, bevolking_0_23, bereik_pct, onderdrukt" },
        { "witte_vlekken.csv", "gemeente, jaar, thema, leeftijdsgroep, programmas, beste_erkenning, effectief, status" },
        { "datakwaliteit.csv", "levering_id, bron, gemeente, dataset, jaar, bestand, sha256, ontvangen_op, status, rijen, geaccepteerd, geweigerd, waarschuwingen" },
        { "interventie_matches.csv", "gemeente, jaar, programma_id, interventie_id, interventie_naam, databank, match, erkenning_lokaal, erkenning_landelijk, afwijking" },
        { "suggesties.csv", "gemeente, jaar, thema, leeftijdsgroep, status, interventie_id, interventie_naam, databank, erkenning, url" },
    };

    [Theory]
    [MemberData(nameof(Spec))]
    public void Columns_are_named_and_ordered_as_the_spec_says(string file, string columns)
    {
        var table = Assert.Single(PublicationTables.All, t => t.FileName == file);
        Assert.Equal(columns.Split(", "), table.Columns.Select(c => c.Name));
        Assert.All(table.PrimaryKey, key => Assert.True(table.Has(key)));
    }

    [Fact]
    public void Eight_tables_in_the_order_of_the_spec()
    {
        Assert.Equal(Spec.Select(row => (string)row[0]), PublicationTables.All.Select(t => t.FileName));
    }

    [Fact]
    public void Rounding_follows_methode_v1_section_7()
    {
        int Decimals(TableSpec t, string c) => t.Columns.Single(x => x.Name == c).Decimals;
        Assert.Equal(1, Decimals(PublicationTables.ScoresGemeenteThema, "score"));
        Assert.Equal(1, Decimals(PublicationTables.ScoresGemeenteThema, "bereik_pct"));
        Assert.Equal(4, Decimals(PublicationTables.ScoresGemeenteThema, "tau2"));
        Assert.Equal(3, Decimals(PublicationTables.ScoresGemeenteThema, "effect_ci_laag"));
        Assert.Equal(2, Decimals(PublicationTables.ScoresProgrammaThema, "relevantie"));
        Assert.Equal(2, Decimals(PublicationTables.ScoresProgrammaThema, "evidentie"));
        Assert.All(["gemiddeld_verschil", "sd_verschil", "d_z", "g", "se", "ci_laag", "ci_hoog"],
            c => Assert.Equal(3, Decimals(PublicationTables.Effecten, c)));
        Assert.Equal(2, Decimals(PublicationTables.Programmas, "budget_eur"));
    }

    [Fact]
    public void Workbook_sheets_in_the_order_of_the_spec()
    {
        Assert.Equal(["Scores per thema", "Programma's", "Effecten", "Witte vlekken", "Suggesties", "Datakwaliteit"],
            PublicationTables.WorkbookSheets.Select(t => t.Sheet));
    }
}
