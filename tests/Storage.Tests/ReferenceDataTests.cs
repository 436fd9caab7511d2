using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Storage.Tests;

/// <summary>The seeded reference data is exactly aanleverformaat.md §1.</summary>
public sealed class ReferenceDataTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private Task<ReferenceCatalog> LoadAsync() => new ReferenceCatalogStore(fixture.DataSource).LoadAsync(CancellationToken.None);

    [Fact]
    public async Task Six_municipalities_with_CBS_codes_in_contract_order_and_the_region()
    {
        var catalog = await LoadAsync();
        Assert.Equal(
            new[]
            {
                ("GM1903", "Eijsden-Margraten"), ("GM1729", "Gulpen-Wittem"), ("GM0935", "Maastricht"),
                ("GM0938", "Meerssen"), ("GM0981", "Vaals"), ("GM0994", "Valkenburg aan de Geul"),
            },
            catalog.Gemeenten.Select(g => (g.Code, g.Naam)));
        Assert.Equal(new Regio("REGIO", "Maastricht-Heuvelland"), catalog.Regio);
    }

    [Fact]
    public async Task Five_themes_with_display_names()
    {
        var catalog = await LoadAsync();
        Assert.Equal(
            new[]
            {
                ("weerbaarheid", "Versterken weerbaarheid"),
                ("sociale_aansluiting", "Vergroten sociale aansluiting"),
                ("zelfstandigheid", "Vergroten zelfstandigheid"),
                ("veiligheid", "Vergroten veiligheid"),
                ("opvoedvaardigheden", "Verbeteren opvoedvaardigheden"),
            },
            catalog.Themas.Select(t => (t.Code, t.Naam)));
    }

    [Fact]
    public async Task Four_inclusive_age_bands()
    {
        var catalog = await LoadAsync();
        Assert.Equal(
            new[] { ("0-3", 0, 3), ("4-11", 4, 11), ("12-17", 12, 17), ("18-23", 18, 23) },
            catalog.Leeftijdsgroepen.Select(l => (l.Code, l.Van, l.Tot)));
    }

    [Fact]
    public async Task Six_recognition_levels_ordered_low_to_high_with_labels()
    {
        var catalog = await LoadAsync();
        Assert.Equal(
            new[]
            {
                ("niet_beoordeeld", "Niet beoordeeld"),
                ("goed_beschreven", "Goed beschreven"),
                ("goed_onderbouwd", "Goed onderbouwd"),
                ("effectief_eerste", "Effectief volgens eerste aanwijzingen"),
                ("effectief_goede", "Effectief volgens goede aanwijzingen"),
                ("effectief_sterke", "Effectief volgens sterke aanwijzingen"),
            },
            catalog.Erkenningen.Select(e => (e.Code, e.Label)));
        Assert.Equal(Enumerable.Range(1, 6), catalog.Erkenningen.Select(e => e.Rang));
    }

    [Fact]
    public async Task Eight_instruments_with_theme_direction_and_range()
    {
        var catalog = await LoadAsync();
        Assert.Equal(
            new[]
            {
                ("SDQ_EMOTIE", "weerbaarheid", Richting.LagerBeter, 0m, 10m),
                ("RSES", "weerbaarheid", Richting.HogerBeter, 0m, 30m),
                ("SDQ_LEEFTIJDGENOTEN", "sociale_aansluiting", Richting.LagerBeter, 0m, 10m),
                ("SDQ_PROSOCIAAL", "sociale_aansluiting", Richting.HogerBeter, 0m, 10m),
                ("ZRM_GEMIDDELD", "zelfstandigheid", Richting.HogerBeter, 1m, 5m),
                ("VEILIGHEID_BELEVING", "veiligheid", Richting.HogerBeter, 1m, 10m),
                ("OBVL_TOTAAL", "opvoedvaardigheden", Richting.LagerBeter, 34m, 136m),
                ("NOSIK_TOTAAL", "opvoedvaardigheden", Richting.LagerBeter, 25m, 150m),
            },
            catalog.Instrumenten.Select(i => (i.Code, i.ThemaCode, i.Richting, i.Min, i.Max)));
        Assert.Equal("SDQ, subschaal emotionele problemen", catalog.FindInstrument("sdq_emotie")!.Naam);
    }

    [Fact]
    public async Task Codes_and_labels_match_case_insensitively_after_trimming()
    {
        var catalog = await LoadAsync();
        Assert.Equal("effectief_goede", catalog.FindErkenning("  effectief volgens GOEDE aanwijzingen ")!.Code);
        Assert.Equal("goed_onderbouwd", catalog.FindErkenning("GOED_ONDERBOUWD")!.Code);
        Assert.Equal("GM0981", catalog.FindGemeente(" gm0981")!.Code);
        Assert.Null(catalog.FindThema("sport"));
    }
}
