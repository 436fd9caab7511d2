using System.Security.Cryptography;
using System.Text;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>The row rules of a <c>metingen</c> delivery (aanleverformaat §2.2) and its BSN check (§4), without a database.</summary>
public sealed class MetingValidatorTests : IDisposable
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("sleutel-voor-de-test-van-de-validator-0123456789");

    private static readonly RowBuilder Rows = new(DatasetSchema.Metingen, new Dictionary<string, string?>
    {
        ["programma_id"] = "P-01", ["gemeente"] = "GM0935", ["jaar"] = "2025", ["deelnemer"] = "D-001", ["moment"] = "T0",
        ["datum"] = "2025-02-03", ["leeftijd"] = "9", ["instrument"] = "SDQ_EMOTIE", ["score"] = "4",
    });

    private readonly MetingValidator _validator = new(Rows.Context(), Key);

    public void Dispose() => _validator.Dispose();

    private RowResult<MetingRecord> Validate(params (string, string?)[] changes) => _validator.Validate(Rows.Row(changes), out _);

    private RowIssue SingleIssue(params (string, string?)[] changes) => Assert.Single(Validate(changes).Issues);

    [Fact]
    public void A_valid_row_becomes_a_record_with_the_participant_as_keyed_hash()
    {
        var m = Validate(("moment", " t1 "), ("instrument", "sdq_emotie"), ("deelnemer", "  D-001 ")).Record!;

        Assert.Equal(("GM0935", 2025, "P-01", "T1", new DateOnly(2025, 2, 3)), (m.Gemeente, m.Jaar, m.ProgrammaId, m.Moment, m.Datum));
        Assert.Equal((9, "SDQ_EMOTIE", 4m), (m.Leeftijd, m.Instrument, m.Score));
        Assert.Equal(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("D-001")), m.DeelnemerHash);
    }

    [Fact]
    public void A_participant_has_the_same_hash_on_every_row_also_after_thousands_of_others()
    {
        // More distinct ids than the validator keeps hashes of, then the first ones again (also with other spacing).
        var ids = Enumerable.Range(0, 5000).Select(i => $"D-{i:0000}").Concat(["D-0000", " D-0001 ", "D-4999", "d-0000"]);
        foreach (var id in ids)
        {
            var m = Validate(("deelnemer", id)).Record!;
            Assert.Equal(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(id.Trim())), m.DeelnemerHash);
        }
    }

    [Theory]
    [InlineData("programma_id")]
    [InlineData("gemeente")]
    [InlineData("jaar")]
    [InlineData("deelnemer")]
    [InlineData("moment")]
    [InlineData("datum")]
    [InlineData("leeftijd")]
    [InlineData("instrument")]
    [InlineData("score")]
    public void A_required_column_left_empty(string column) =>
        Assert.Equal(new RowIssue(column, null, $"{column} ontbreekt (verplicht)"), SingleIssue((column, null)));

    [Fact]
    public void A_participant_id_at_most_64_characters_and_never_reported_as_delivered()
    {
        Assert.True(Validate(("deelnemer", new string('d', 64))).IsValid);
        Assert.Equal(new RowIssue("deelnemer", null, "deelnemer is langer dan 64 tekens (65)"), SingleIssue(("deelnemer", new string('d', 65))));
    }

    [Theory]
    [InlineData("123456782", true)]
    [InlineData(" 111222333 ", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    [InlineData("D-001", false)]
    public void A_participant_that_looks_like_a_BSN_is_flagged_for_the_file_rule(string deelnemer, bool bsn)
    {
        var result = _validator.Validate(Rows.Row(("deelnemer", deelnemer)), out var looksLikeBsn);

        Assert.Equal(bsn, looksLikeBsn);
        Assert.True(result.IsValid); // the row itself is fine: the whole file is refused (FileRules)
    }

    [Fact]
    public void A_BSN_is_flagged_also_on_a_row_with_other_errors()
    {
        var result = _validator.Validate(Rows.Row(("deelnemer", "123456782"), ("score", "99")), out var looksLikeBsn);

        Assert.True(looksLikeBsn);
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("T0")]
    [InlineData("T1")]
    [InlineData("T2")]
    public void The_three_moments(string moment) => Assert.Equal(moment, Validate(("moment", moment.ToLowerInvariant())).Record!.Moment);

    [Fact]
    public void Unknown_moment() =>
        Assert.Equal(new RowIssue("moment", "T3", "onbekend meetmoment 'T3' (verwacht T0, T1 of T2)"), SingleIssue(("moment", "T3")));

    [Theory]
    [InlineData("T0", "0", null)]
    [InlineData("T0", "23", null)]
    [InlineData("T0", "24", "leeftijd 24 ligt buiten 0–23")]
    [InlineData("T0", "25", "leeftijd 25 ligt buiten 0–23")]
    [InlineData("T0", "-1", "leeftijd -1 ligt buiten 0–23")]
    [InlineData("T1", "23", null)]
    [InlineData("T1", "24", "leeftijd 24 ligt buiten 0–23")]
    [InlineData("T1", "25", "leeftijd 25 ligt buiten 0–23")]
    [InlineData("T2", "0", null)]
    [InlineData("T2", "23", null)]
    [InlineData("T2", "24", null)]
    [InlineData("T2", "25", null)]
    [InlineData("T2", "26", "leeftijd 26 ligt buiten 0–25")]
    [InlineData("T2", "-1", "leeftijd -1 ligt buiten 0–25")]
    public void Age_between_0_and_23_and_on_a_T2_follow_up_between_0_and_25(string moment, string leeftijd, string? reason)
    {
        var result = Validate(("moment", moment), ("leeftijd", leeftijd));
        if (reason is null)
        {
            Assert.Equal(int.Parse(leeftijd, System.Globalization.CultureInfo.InvariantCulture), result.Record!.Leeftijd);
        }
        else
        {
            Assert.Equal(new RowIssue("leeftijd", leeftijd, reason), Assert.Single(result.Issues));
        }
    }

    [Fact]
    public void With_an_unknown_moment_only_the_moment_is_reported_for_an_age_of_24_or_25()
    {
        Assert.Equal("moment", SingleIssue(("moment", "T3"), ("leeftijd", "25")).Column);
        Assert.Equal(2, Validate(("moment", "T3"), ("leeftijd", "26")).Issues.Count);
    }

    [Theory]
    [InlineData("T0", "2025-02-03")]
    [InlineData("T2", "2026-09-01")]
    [InlineData("T2", "2027-01-15")]
    public void The_date_is_not_checked_against_the_year_a_T2_follow_up_keeps_the_programme_runs_year(string moment, string datum)
    {
        var m = Validate(("moment", moment), ("datum", datum)).Record!;

        Assert.Equal((2025, DateOnly.ParseExact(datum, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), (m.Jaar, m.Datum));
    }

    [Theory]
    [InlineData("2015", null)]
    [InlineData("2014", "jaar 2014 ligt buiten 2015–2100")]
    [InlineData("2100", null)]
    [InlineData("2101", "jaar 2101 ligt buiten 2015–2100")]
    public void Year_between_2015_and_2100(string jaar, string? reason) => AssertReason("jaar", jaar, reason);

    [Fact]
    public void Unknown_instrument() =>
        Assert.Equal(new RowIssue("instrument", "SDQ", "onbekend instrument 'SDQ'"), SingleIssue(("instrument", "SDQ")));

    [Theory]
    [InlineData("SDQ_EMOTIE", "0", null)]
    [InlineData("SDQ_EMOTIE", "10", null)]
    [InlineData("SDQ_EMOTIE", "10.01", "score 10.01 ligt buiten 0–10 voor SDQ_EMOTIE")]
    [InlineData("SDQ_EMOTIE", "-0.5", "score -0.5 ligt buiten 0–10 voor SDQ_EMOTIE")]
    [InlineData("ZRM_GEMIDDELD", "1", null)]
    [InlineData("ZRM_GEMIDDELD", "0.99", "score 0.99 ligt buiten 1–5 voor ZRM_GEMIDDELD")]
    [InlineData("OBVL_TOTAAL", "33", "score 33 ligt buiten 34–136 voor OBVL_TOTAAL")]
    [InlineData("OBVL_TOTAAL", "136", null)]
    [InlineData("NOSIK_TOTAAL", "150.5", "score 150.5 ligt buiten 25–150 voor NOSIK_TOTAAL")]
    public void Score_within_the_instruments_range(string instrument, string score, string? reason)
    {
        var result = Validate(("instrument", instrument), ("score", score));
        if (reason is null)
        {
            Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), result.Record!.Score);
        }
        else
        {
            Assert.Equal(new RowIssue("score", score, reason), Assert.Single(result.Issues));
        }
    }

    [Fact]
    public void A_score_with_a_decimal_comma_needs_a_semicolon_or_tab_file()
    {
        Assert.Equal(new RowIssue("score", "3,5", "'3,5' is geen getal (een decimale komma mag alleen bij scheidingsteken ';' of tab; gebruik hier een punt)"),
            SingleIssue(("score", "3,5")));

        using var semicolon = new MetingValidator(Rows.Context(decimalComma: true), Key);
        Assert.Equal(3.5m, semicolon.Validate(Rows.Row(("score", "3,5")), out _).Record!.Score);
    }

    [Fact]
    public void Wrong_municipality_is_a_row_error() => Assert.Equal(
        new RowIssue("gemeente", "GM1903", "gemeente GM1903 hoort niet bij de map GM0935"), SingleIssue(("gemeente", "gm1903")));

    private void AssertReason(string column, string value, string? reason)
    {
        var result = Validate((column, value));
        if (reason is null)
        {
            Assert.True(result.IsValid);
        }
        else
        {
            Assert.Equal(new RowIssue(column, value, reason), Assert.Single(result.Issues));
        }
    }
}
