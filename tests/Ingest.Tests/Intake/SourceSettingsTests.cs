using Microsoft.Extensions.Configuration;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Tests.Intake;

public sealed class SourceSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Reads_http_drop_and_cbs_sources()
    {
        var sources = SourceSettings.Load(Config(
            ("Bronnen:0:Naam", "maastricht-metingen"), ("Bronnen:0:Soort", "http"), ("Bronnen:0:Gemeente", "gm0935"),
            ("Bronnen:0:Dataset", "metingen"), ("Bronnen:0:Locatie", "https://gegevens.example/metingen.csv"),
            ("Bronnen:0:Cron", "0 6 * * *"), ("Bronnen:0:Headers:0:Name", "Authorization"),
            ("Bronnen:0:Headers:0:EnvironmentVariable", "PM_TOKEN"),
            ("Bronnen:1:Naam", "drop"), ("Bronnen:1:Soort", "drop"), ("Bronnen:1:Locatie", "/srv/drop"),
            ("Bronnen:2:Naam", "cbs"), ("Bronnen:2:Soort", "cbs"), ("Bronnen:2:Jaren:0", "2024"), ("Bronnen:2:Jaren:1", "2025")));

        Assert.Equal(["maastricht-metingen", "drop", "cbs"], sources.Select(s => s.Naam));
        var http = sources[0];
        Assert.Equal((SourceKind.Http, "GM0935", Dataset.Metingen, "0 6 * * *"), (http.Soort, http.Gemeente, http.Dataset, http.Cron));
        Assert.Equal("PM_TOKEN", Assert.Single(http.Headers).EnvironmentVariable);
        Assert.Equal([2024, 2025], sources[2].Jaren);
    }

    [Theory]
    [InlineData("Soort", "ftp", "onbekende Soort 'ftp'")]
    [InlineData("Locatie", "geen-url", "Locatie moet een absolute http(s)-URL zijn")]
    [InlineData("Dataset", "interventies", "Dataset moet programmas, metingen of bevolking zijn")]
    [InlineData("Gemeente", "", "Gemeente ontbreekt")]
    public void A_mistake_names_the_source(string key, string value, string message)
    {
        var values = new Dictionary<string, string>
        {
            ["Bronnen:0:Naam"] = "vaals",
            ["Bronnen:0:Soort"] = "http",
            ["Bronnen:0:Gemeente"] = "GM0981",
            ["Bronnen:0:Dataset"] = "metingen",
            ["Bronnen:0:Locatie"] = "https://gegevens.example/m.csv",
        };
        values[$"Bronnen:0:{key}"] = value;
        var error = Assert.Throws<SourceConfigurationException>(() => SourceSettings.Load(Config([.. values.Select(kv => (kv.Key, kv.Value))])));
        Assert.Contains("'vaals'", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Two_sources_with_one_name_are_refused()
    {
        var error = Assert.Throws<SourceConfigurationException>(() => SourceSettings.Load(Config(
            ("Bronnen:0:Naam", "a"), ("Bronnen:0:Soort", "drop"), ("Bronnen:0:Locatie", "/x"),
            ("Bronnen:1:Naam", "a"), ("Bronnen:1:Soort", "drop"), ("Bronnen:1:Locatie", "/y"))));
        Assert.Contains("twee keer", error.Message);
    }
}
