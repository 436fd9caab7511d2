using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>The row rules of a <c>programmas</c> delivery (aanleverformaat §2.1), without a database.</summary>
public sealed class ProgrammaValidatorTests
{
    private static readonly RowBuilder Rows = new(DatasetSchema.Programmas, new Dictionary<string, string?>
    {
        ["programma_id"] = "P-01", ["naam"] = "Weerbaar op school", ["aanbieder"] = "GGD", ["gemeente"] = "GM0935",
        ["jaar"] = "2025", ["doelgroep"] = "jeugdigen", ["leeftijd_van"] = "4", ["leeftijd_tot"] = "11",
        ["thema_primair"] = "weerbaarheid", ["themas_secundair"] = null, ["erkenning"] = "goed_beschreven",
        ["preventietype"] = "universeel", ["deelnemers"] = "120", ["budget_eur"] = "2500.50",
        ["startdatum"] = "2025-01-01", ["einddatum"] = "2025-12-31",
    });

    private static RowResult<Model.Deliveries.ProgrammaRecord> Validate(params (string, string?)[] changes) =>
        ProgrammaValidator.Validate(Rows.Row(changes), Rows.Context());

    private static RowIssue SingleIssue(params (string, string?)[] changes)
    {
        var result = Validate(changes);
        Assert.False(result.IsValid);
        return Assert.Single(result.Issues);
    }

    [Fact]
    public void A_valid_row_becomes_a_record_with_canonical_codes()
    {
        var result = Validate(("doelgroep", " Ouders "), ("gemeente", "gm0935"), ("erkenning", "effectief volgens STERKE aanwijzingen"),
            ("preventietype", "Geindiceerd"), ("thema_primair", "WEERBAARHEID"), ("naam", "  Weerbaar  "));

        var p = Assert.IsType<Model.Deliveries.ProgrammaRecord>(result.Record);
        Assert.Empty(result.Issues);
        Assert.Equal(("P-01", "Weerbaar", "GM0935", 2025, "ouders"), (p.ProgrammaId, p.Naam, p.Gemeente, p.Jaar, p.Doelgroep));
        Assert.Equal(("weerbaarheid", "effectief_sterke", "geindiceerd"), (p.ThemaPrimair, p.Erkenning, p.Preventietype));
        Assert.Equal((4, 11, 120, 2500.50m), (p.LeeftijdVan, p.LeeftijdTot, p.Deelnemers, p.BudgetEur));
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (p.Startdatum, p.Einddatum));
        Assert.Equal(2, p.Rij);
    }

    [Fact]
    public void Optional_columns_may_be_empty()
    {
        var p = Validate(("aanbieder", null), ("themas_secundair", " "), ("preventietype", null), ("budget_eur", null),
            ("startdatum", null), ("einddatum", null)).Record!;

        Assert.Equal((null, null, null, null, null), (p.Aanbieder, p.Preventietype, p.BudgetEur, p.Startdatum, p.Einddatum));
        Assert.Empty(p.ThemasSecundair);
    }

    [Theory]
    [InlineData("programma_id")]
    [InlineData("naam")]
    [InlineData("gemeente")]
    [InlineData("jaar")]
    [InlineData("doelgroep")]
    [InlineData("leeftijd_van")]
    [InlineData("leeftijd_tot")]
    [InlineData("thema_primair")]
    [InlineData("erkenning")]
    [InlineData("deelnemers")]
    public void A_required_column_left_empty(string column) =>
        Assert.Equal(new RowIssue(column, null, $"{column} ontbreekt (verplicht)"), SingleIssue((column, "  ")));

    [Theory]
    [InlineData("programma_id", 64)]
    [InlineData("naam", 200)]
    [InlineData("aanbieder", 200)]
    public void Text_length_limits(string column, int max)
    {
        Assert.True(Validate((column, new string('x', max))).IsValid);
        var issue = SingleIssue((column, new string('x', max + 1)));
        Assert.Equal($"{column} is langer dan {max} tekens ({max + 1})", issue.Reason);
    }

    [Theory]
    [InlineData("2015", null)]
    [InlineData("2100", null)]
    [InlineData("2014", "jaar 2014 ligt buiten 2015–2100")]
    [InlineData("2101", "jaar 2101 ligt buiten 2015–2100")]
    [InlineData("2025.0", "'2025.0' is geen geheel getal")]
    public void Year_between_2015_and_2100(string jaar, string? reason) => AssertReason(reason, ("jaar", jaar));

    [Theory]
    [InlineData("leeftijd_van", "0", null)]
    [InlineData("leeftijd_van", "-1", "leeftijd_van -1 ligt buiten 0–23")]
    [InlineData("leeftijd_tot", "23", null)]
    [InlineData("leeftijd_tot", "24", "leeftijd_tot 24 ligt buiten 0–23")]
    public void Ages_between_0_and_23(string column, string value, string? reason) => AssertReason(reason, (column, value));

    [Fact]
    public void Age_to_may_equal_but_not_precede_age_from()
    {
        Assert.True(Validate(("leeftijd_van", "11"), ("leeftijd_tot", "11")).IsValid);
        Assert.Equal(new RowIssue("leeftijd_tot", "4", "leeftijd_tot 4 is kleiner dan leeftijd_van 12"),
            SingleIssue(("leeftijd_van", "12"), ("leeftijd_tot", "4")));
    }

    [Theory]
    [InlineData("GM9999", "onbekende gemeente 'GM9999'")]
    [InlineData("GM0938", "gemeente GM0938 hoort niet bij de map GM0935")]
    public void Municipality_must_be_known_and_the_folders(string gemeente, string reason) =>
        Assert.Equal(new RowIssue("gemeente", gemeente, reason), SingleIssue(("gemeente", gemeente)));

    [Fact]
    public void Without_a_folder_any_known_municipality_is_taken() =>
        Assert.Equal("GM0938", ProgrammaValidator.Validate(Rows.Row(("gemeente", "GM0938")), Rows.Context(folder: null)).Record!.Gemeente);

    [Theory]
    [InlineData("doelgroep", "kinderen", "onbekende doelgroep 'kinderen' (verwacht jeugdigen, ouders of beide)")]
    [InlineData("thema_primair", "sport", "onbekend thema 'sport'")]
    [InlineData("erkenning", "erkend", "onbekend erkenningsniveau 'erkend'")]
    [InlineData("preventietype", "indicatief", "onbekend preventietype 'indicatief' (verwacht universeel, selectief of geindiceerd)")]
    public void Unknown_codes(string column, string value, string reason) =>
        Assert.Equal(new RowIssue(column, value, reason), SingleIssue((column, value)));

    [Theory]
    [InlineData("0", null)]
    [InlineData("-1", "deelnemers -1 is kleiner dan 0")]
    [InlineData("12,5", "'12,5' is geen geheel getal")]
    public void Participants_a_whole_number_from_0(string value, string? reason) => AssertReason(reason, ("deelnemers", value));

    [Theory]
    [InlineData("0", null)]
    [InlineData("0.00", null)]
    [InlineData("-0.01", "budget_eur -0.01 is kleiner dan 0")]
    [InlineData("€ 100", "'€ 100' is geen getal")]
    public void Budget_a_decimal_from_0(string value, string? reason) => AssertReason(reason, ("budget_eur", value));

    [Fact]
    public void End_date_may_equal_but_not_precede_start_date()
    {
        Assert.True(Validate(("startdatum", "2025-06-01"), ("einddatum", "1-6-2025")).IsValid);
        Assert.Equal(new RowIssue("einddatum", "31-05-2025", "einddatum 31-05-2025 ligt vóór startdatum 01-06-2025"),
            SingleIssue(("startdatum", "2025-06-01"), ("einddatum", "31-05-2025")));
    }

    [Theory]
    [InlineData("veiligheid|sociale_aansluiting", new[] { "sociale_aansluiting", "veiligheid" })]
    [InlineData(" Veiligheid | veiligheid ", new[] { "veiligheid" })]
    [InlineData("opvoedvaardigheden", new[] { "opvoedvaardigheden" })]
    public void Secondary_themes_in_contract_order_without_repeats(string value, string[] expected) =>
        Assert.Equal(expected, Validate(("themas_secundair", value)).Record!.ThemasSecundair);

    [Theory]
    [InlineData("veiligheid||zelfstandigheid", "themas_secundair 'veiligheid||zelfstandigheid' bevat een lege themacode")]
    [InlineData("veiligheid|", "themas_secundair 'veiligheid|' bevat een lege themacode")]
    [InlineData("veiligheid| sport", "onbekend thema 'sport'")]
    [InlineData("veiligheid|Weerbaarheid", "themas_secundair bevat het primaire thema 'weerbaarheid'")]
    public void Secondary_theme_errors(string value, string reason) =>
        Assert.Equal(new RowIssue("themas_secundair", value, reason), SingleIssue(("themas_secundair", value)));

    [Fact]
    public void Every_broken_cell_of_a_row_is_reported()
    {
        var result = Validate(("jaar", "2014"), ("doelgroep", "x"), ("deelnemers", "-3"));

        Assert.Null(result.Record);
        Assert.Equal(["jaar", "doelgroep", "deelnemers"], result.Issues.Select(i => i.Column));
    }

    private static void AssertReason(string? reason, params (string Column, string? Text)[] changes)
    {
        if (reason is null)
        {
            Assert.True(Validate(changes).IsValid);
            return;
        }

        var (column, text) = changes[^1];
        Assert.Equal(new RowIssue(column, text, reason), SingleIssue(changes));
    }
}
