using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>Header matching (aanleverformaat §3) and the header's file-level rules (§4, §6), without a database.</summary>
public sealed class HeaderRulesTests
{
    private static readonly string[] Metingen = ["programma_id", "gemeente", "jaar", "deelnemer", "moment", "datum", "leeftijd", "instrument", "score"];

    private static HeaderMapping Map(params string[] header) => HeaderMapping.Build(header, DatasetSchema.Metingen);

    [Fact]
    public void A_complete_header_passes() => Assert.Null(HeaderRules.Check(Map(Metingen)));

    [Fact]
    public void Names_match_case_insensitively_with_spaces_and_dashes_read_as_underscores()
    {
        var mapping = Map(" Programma ID", "GEMEENTE", "Jaar ", "deelnemer", "Moment", "datum", "leeftijd", "Instrument", "score");
        var row = new RawRow(2, [.. Enumerable.Range(0, 9).Select(i => new RawCell($"v{i}"))]);

        Assert.Null(HeaderRules.Check(mapping));
        Assert.Equal("v0", mapping.Cell(row, "programma_id").Text);
        Assert.Equal("v7", mapping.Cell(row, "instrument").Text);
    }

    [Theory]
    [InlineData("bsn", "'bsn'")]
    [InlineData(" BSN ", "'BSN'")]
    [InlineData("Naam deelnemer", "'Naam deelnemer'")]
    [InlineData("naamdeelnemer", "'naamdeelnemer'")]
    [InlineData("Geboorte-Datum", "'Geboorte-Datum'")]
    [InlineData("geboortedatum", "'geboortedatum'")]
    [InlineData("Adres", "'Adres'")]
    public void A_forbidden_column_is_refused_to_the_quarantine(string column, string quoted)
    {
        var refusal = HeaderRules.Check(Map([.. Metingen, column]));

        Assert.Equal(new Refusal(
            $"verboden kolom {quoted}: direct identificerende gegevens mogen niet worden aangeleverd (privacyregel); " +
            "het bestand is geweigerd en alleen in de afgeschermde quarantaine bewaard", Quarantine: true), refusal);
    }

    [Fact]
    public void Forbidden_columns_are_all_named_and_decide_before_other_header_errors()
    {
        var refusal = HeaderRules.Check(Map("adres", "bsn", "jaar", "jaar"))!;

        Assert.StartsWith("verboden kolom 'adres', 'bsn':", refusal.Reason, StringComparison.Ordinal);
        Assert.True(refusal.Quarantine);
    }

    [Fact]
    public void Names_that_only_contain_a_forbidden_word_are_not_forbidden() =>
        Assert.Null(HeaderRules.Forbidden(Map([.. Metingen, "bsn_gecontroleerd", "woonadres"])));

    [Fact]
    public void A_contract_column_twice_is_refused()
    {
        var refusal = HeaderRules.Check(Map([.. Metingen, "Score", "jaar"]));

        Assert.Equal(new Refusal("kolom 'score', 'jaar' komt meer dan eens voor"), refusal);
        Assert.False(refusal!.Quarantine);
    }

    [Fact]
    public void Missing_required_columns_are_named_in_contract_order()
    {
        var refusal = HeaderRules.Check(Map("score", "gemeente", "jaar", "moment", "datum", "leeftijd", "instrument"));

        Assert.Equal(new Refusal("verplichte kolom ontbreekt: programma_id, deelnemer"), refusal);
    }

    [Fact]
    public void Doubled_decides_before_missing() =>
        Assert.Equal("kolom 'jaar' komt meer dan eens voor", HeaderRules.Check(Map("jaar", "jaar"))!.Reason);

    [Fact]
    public void Missing_optional_columns_are_fine()
    {
        var mapping = HeaderMapping.Build(["interventie_id", "naam", "databank", "erkenning", "doelgroep", "leeftijd_van", "leeftijd_tot", "thema_primair", "peildatum"],
            DatasetSchema.Interventies);

        Assert.Null(HeaderRules.Check(mapping));
    }

    [Fact]
    public void Unknown_columns_are_kept_as_delivered_for_a_warning_and_unnamed_ones_by_position()
    {
        var mapping = Map([.. Metingen, " Opmerking ", "", "Extra-Info"]);

        Assert.Null(HeaderRules.Check(mapping));
        Assert.Equal(["Opmerking", "Extra-Info"], mapping.Extra);
        Assert.Equal([10], mapping.Unnamed);
        Assert.Equal("onbekende kolom 'Opmerking' genegeerd", HeaderRules.ExtraColumnWarning(mapping.Extra[0]));
    }

    [Fact]
    public void A_column_beyond_a_short_row_reads_as_empty() =>
        Assert.True(Map(Metingen).Cell(new RawRow(2, [new RawCell("P")]), "score").IsEmpty);
}
