using Preventiemonitor.Ingest.Parsing;

namespace Preventiemonitor.Ingest.Tests.Parsing;

public sealed class HeaderNamesTests
{
    [Theory]
    [InlineData("Programma ID", "programma_id")]
    [InlineData(" Leeftijd-Van ", "leeftijd_van")]
    [InlineData("programma_id", "programma_id")]
    [InlineData("THEMAS SECUNDAIR", "themas_secundair")]
    [InlineData("\tbudget-eur\t", "budget_eur")]
    [InlineData("", "")]
    public void Normalize(string delivered, string expected)
    {
        Assert.Equal(expected, HeaderNames.Normalize(delivered));
    }
}
