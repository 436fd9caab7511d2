using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>The row rules of the national list of interventions (aanleverformaat §2.4), without a database.</summary>
public sealed class InterventieValidatorTests
{
    private static readonly RowBuilder Rows = new(DatasetSchema.Interventies, new Dictionary<string, string?>
    {
        ["interventie_id"] = "NJI-001", ["naam"] = "Alles Kidzzz", ["databank"] = "nji", ["erkenning"] = "goed_onderbouwd",
        ["doelgroep"] = "beide", ["leeftijd_van"] = "8", ["leeftijd_tot"] = "12", ["thema_primair"] = "weerbaarheid",
        ["themas_secundair"] = "sociale_aansluiting", ["url"] = "https://www.nji.nl/interventies/alles-kidzzz", ["peildatum"] = "15-03-2025",
    });

    // Interventions belong to no municipality: the national list has no folder municipality.
    private static RowResult<InterventieRecord> Validate(params (string, string?)[] changes) =>
        InterventieValidator.Validate(Rows.Row(changes), Rows.Context(folder: null));

    private static RowIssue SingleIssue(params (string, string?)[] changes) => Assert.Single(Validate(changes).Issues);

    [Fact]
    public void A_valid_row_becomes_a_record()
    {
        var i = Validate(("databank", " RIVM "), ("erkenning", "Goed beschreven")).Record!;

        Assert.Equal(("NJI-001", "Alles Kidzzz", "rivm", "goed_beschreven", "beide"), (i.InterventieId, i.Naam, i.Databank, i.Erkenning, i.Doelgroep));
        Assert.Equal((8, 12, "weerbaarheid", new DateOnly(2025, 3, 15)), (i.LeeftijdVan, i.LeeftijdTot, i.ThemaPrimair, i.Peildatum));
        Assert.Equal(["sociale_aansluiting"], i.ThemasSecundair);
        Assert.Equal("https://www.nji.nl/interventies/alles-kidzzz", i.Url);
    }

    [Theory]
    [InlineData("interventie_id")]
    [InlineData("naam")]
    [InlineData("databank")]
    [InlineData("erkenning")]
    [InlineData("doelgroep")]
    [InlineData("leeftijd_van")]
    [InlineData("leeftijd_tot")]
    [InlineData("thema_primair")]
    [InlineData("peildatum")]
    public void A_required_column_left_empty(string column) =>
        Assert.Equal(new RowIssue(column, null, $"{column} ontbreekt (verplicht)"), SingleIssue((column, null)));

    [Fact]
    public void Id_at_most_64_characters()
    {
        Assert.True(Validate(("interventie_id", new string('i', 64))).IsValid);
        Assert.Equal("interventie_id is langer dan 64 tekens (65)", SingleIssue(("interventie_id", new string('i', 65))).Reason);
    }

    [Theory]
    [InlineData("nji")]
    [InlineData("movisie")]
    [InlineData("rivm")]
    [InlineData("trimbos")]
    [InlineData("overig")]
    public void The_five_databanks(string databank) => Assert.Equal(databank, Validate(("databank", databank.ToUpperInvariant())).Record!.Databank);

    [Fact]
    public void Unknown_databank() => Assert.Equal(
        new RowIssue("databank", "loket", "onbekende databank 'loket' (verwacht nji, movisie, rivm, trimbos of overig)"),
        SingleIssue(("databank", "loket")));

    [Theory]
    [InlineData("goed_beschreven")]
    [InlineData("effectief_sterke")]
    public void Recognition_at_least_goed_beschreven(string erkenning) => Assert.True(Validate(("erkenning", erkenning)).IsValid);

    [Fact]
    public void Recognition_below_goed_beschreven_is_too_low() => Assert.Equal(
        new RowIssue("erkenning", "Niet beoordeeld", "erkenning 'niet_beoordeeld' is te laag voor de landelijke lijst (minstens goed_beschreven)"),
        SingleIssue(("erkenning", "Niet beoordeeld")));

    [Fact]
    public void Unknown_recognition() =>
        Assert.Equal("onbekend erkenningsniveau 'erkend'", SingleIssue(("erkenning", "erkend")).Reason);

    [Theory]
    [InlineData("http://movisie.nl/x")]
    [InlineData("HTTPS://www.loketgezondleven.nl/interventie?id=3")]
    public void Absolute_http_links_are_taken(string url) => Assert.Equal(url, Validate(("url", url)).Record!.Url);

    [Theory]
    [InlineData("www.nji.nl/x")]
    [InlineData("ftp://nji.nl/x")]
    [InlineData("/interventies/x")]
    [InlineData("https://www.nji.nl/alles kidzzz")]
    [InlineData("mailto:info@nji.nl")]
    public void Anything_else_is_not_a_link(string url) =>
        Assert.Equal(new RowIssue("url", url, $"url '{url}' is geen absolute http(s)-link"), SingleIssue(("url", url)));

    [Fact]
    public void Age_to_not_below_age_from() =>
        Assert.Equal("leeftijd_tot 7 is kleiner dan leeftijd_van 8", SingleIssue(("leeftijd_tot", "7")).Reason);

    [Fact]
    public void Secondary_theme_not_the_primary() =>
        Assert.Equal("themas_secundair bevat het primaire thema 'weerbaarheid'", SingleIssue(("themas_secundair", "weerbaarheid")).Reason);

    [Fact]
    public void Check_date_must_be_a_date() => Assert.Equal(
        "'15/03/2025' is geen geldige datum (verwacht jjjj-mm-dd, dd-mm-jjjj of d-m-jjjj)", SingleIssue(("peildatum", "15/03/2025")).Reason);
}
