using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Model.Tests.ReferenceData;

public sealed class ReferenceCatalogTests
{
    private static ReferenceCatalog Catalog(params Instrument[] extra) => new(
        new Regio("REGIO", "Maastricht-Heuvelland"),
        [new Gemeente("GM0981", "Vaals", 2), new Gemeente("GM1903", "Eijsden-Margraten", 1)],
        [new Thema("veiligheid", "Vergroten veiligheid", 4), new Thema("weerbaarheid", "Versterken weerbaarheid", 1)],
        [new Leeftijdsgroep("4-11", 4, 11, 2), new Leeftijdsgroep("0-3", 0, 3, 1)],
        [new Erkenning("goed_beschreven", "Goed beschreven", 2), new Erkenning("niet_beoordeeld", "Niet beoordeeld", 1)],
        [new Instrument("RSES", "Rosenberg", "weerbaarheid", Richting.HogerBeter, 0, 30, 1), .. extra]);

    [Fact]
    public void Lists_are_in_contract_order_whatever_order_they_were_loaded_in()
    {
        var catalog = Catalog();
        Assert.Equal(["GM1903", "GM0981"], catalog.Gemeenten.Select(g => g.Code));
        Assert.Equal(["weerbaarheid", "veiligheid"], catalog.Themas.Select(t => t.Code));
        Assert.Equal(["0-3", "4-11"], catalog.Leeftijdsgroepen.Select(l => l.Code));
        Assert.Equal(["niet_beoordeeld", "goed_beschreven"], catalog.Erkenningen.Select(e => e.Code));
    }

    [Theory]
    [InlineData("goed_beschreven", "goed_beschreven")]
    [InlineData("  GOED BESCHREVEN ", "goed_beschreven")]
    [InlineData("Niet beoordeeld", "niet_beoordeeld")]
    [InlineData("goed beschreven.", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Recognition_level_by_code_or_label(string? input, string? expected) =>
        Assert.Equal(expected, Catalog().FindErkenning(input)?.Code);

    [Fact]
    public void Age_band_edges()
    {
        var band = new Leeftijdsgroep("4-11", 4, 11, 2);
        Assert.True(band.Overlapt(0, 4));
        Assert.True(band.Overlapt(11, 23));
        Assert.False(band.Overlapt(0, 3));
        Assert.False(band.Overlapt(12, 17));
        Assert.True(band.Bevat(4));
        Assert.True(band.Bevat(11));
        Assert.False(band.Bevat(12));
        Assert.Equal(["0-3", "4-11"], Catalog().LeeftijdsgroepenVoor(2, 5).Select(l => l.Code));
    }

    [Fact]
    public void Direction_gives_the_sign_of_the_difference()
    {
        Assert.Equal(1, new Instrument("A", "a", "t", Richting.HogerBeter, 0, 1, 1).Teken);
        Assert.Equal(-1, new Instrument("B", "b", "t", Richting.LagerBeter, 0, 1, 2).Teken);
        Assert.Equal(Richting.LagerBeter, Instrument.ParseRichting("lager_beter"));
        Assert.Equal("hoger_beter", Instrument.RichtingCode(Richting.HogerBeter));
        Assert.Throws<ArgumentException>(() => Instrument.ParseRichting("beter"));
    }

    [Fact]
    public void Score_range_is_inclusive()
    {
        var sdq = new Instrument("SDQ_EMOTIE", "SDQ", "weerbaarheid", Richting.LagerBeter, 0, 10, 1);
        Assert.True(sdq.BinnenBereik(0));
        Assert.True(sdq.BinnenBereik(10));
        Assert.False(sdq.BinnenBereik(10.01m));
        Assert.False(sdq.BinnenBereik(-1));
    }

    [Fact]
    public void An_instrument_of_an_unknown_theme_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(
            () => Catalog(new Instrument("X", "x", "sport", Richting.HogerBeter, 0, 1, 2)));
        Assert.Contains("sport", error.Message);
    }
}
