using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// The rules of a <c>T2</c> follow-up row (aanleverformaat §2.2) through the whole loader: leeftijd may be
/// 24 or 25 (0–25), on <c>T0</c>/<c>T1</c> it stays 0–23; jaar is the programme run's year, so datum
/// may lie in a later calendar year.
/// </summary>
public sealed class FollowUpRowTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Age_24_and_25_are_accepted_on_T2_and_refused_on_T0_and_T1_and_26_is_refused_on_T2()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync("metingen-moment-leeftijd.csv", Dataset.Metingen);

        Assert.Equal((LeveringStatus.DeelsGeaccepteerd, 8, 5, 3), (outcome.Status, outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        Assert.Equal(
            [
                new Fout(4, "leeftijd", "26", "leeftijd 26 ligt buiten 0–25"),
                new Fout(5, "leeftijd", "24", "leeftijd 24 ligt buiten 0–23"),
                new Fout(6, "leeftijd", "25", "leeftijd 25 ligt buiten 0–23"),
            ],
            await harness.FoutenAsync(outcome.LeveringId));
        Assert.Equal([(2L, "T2", 24), (3L, "T2", 25), (7L, "T0", 23), (8L, "T1", 23), (9L, "T2", 0)],
            await harness.QueryAsync<(long, string, int)>("SELECT rij, moment, leeftijd::int FROM actuele_meting ORDER BY rij"));
    }

    [Fact]
    public async Task A_T2_row_keeps_the_programme_runs_year_when_it_is_measured_in_a_later_year()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync("metingen-moment-t2.csv", Dataset.Metingen);

        Assert.Equal((LeveringStatus.Geaccepteerd, 4), (outcome.Status, outcome.Geaccepteerd));
        Assert.Equal("2025", (await harness.LeveringAsync(outcome.LeveringId)).Jaren);
        Assert.Equal([(2025, 2026)], await harness.QueryAsync<(int, int)>(
            "SELECT DISTINCT jaar, extract(year FROM datum)::int FROM actuele_meting"));
    }
}
