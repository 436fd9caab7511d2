using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>The row rules of a <c>bevolking</c> file (aanleverformaat §2.3), without a database.</summary>
public sealed class BevolkingValidatorTests
{
    private static readonly RowBuilder Rows = new(DatasetSchema.Bevolking, new Dictionary<string, string?>
    {
        ["gemeente"] = "GM0981", ["jaar"] = "2025", ["leeftijd"] = "7", ["aantal"] = "112",
    });

    private static RowResult<Model.Deliveries.BevolkingRecord> Validate(params (string, string?)[] changes) =>
        BevolkingValidator.Validate(Rows.Row(changes), Rows.Context(folder: null));

    [Fact]
    public void A_valid_row_becomes_a_record() =>
        Assert.Equal(new Model.Deliveries.BevolkingRecord(2, "GM0981", 2025, 7, 112), Validate(("gemeente", "gm0981")).Record);

    [Theory]
    [InlineData("jaar", "1900", null)]
    [InlineData("jaar", "1899", "jaar 1899 ligt buiten 1900–2100")]
    [InlineData("jaar", "2100", null)]
    [InlineData("jaar", "2101", "jaar 2101 ligt buiten 1900–2100")]
    [InlineData("leeftijd", "0", null)]
    [InlineData("leeftijd", "23", null)]
    [InlineData("leeftijd", "24", "leeftijd 24 ligt buiten 0–23")]
    [InlineData("leeftijd", "-1", "leeftijd -1 ligt buiten 0–23")]
    [InlineData("aantal", "0", null)]
    [InlineData("aantal", "-1", "aantal -1 is kleiner dan 0")]
    [InlineData("aantal", "2147483647", null)]
    [InlineData("aantal", "2147483648", "aantal 2147483648 is groter dan 2147483647")]
    [InlineData("gemeente", "GM0000", "onbekende gemeente 'GM0000'")]
    [InlineData("gemeente", null, "gemeente ontbreekt (verplicht)")]
    public void Column_rules(string column, string? value, string? reason)
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
