namespace Preventiemonitor.Ingest.Intake;

/// <summary>
/// How a drop run uses the machine, section <c>Ingest</c>: how many deliveries of different municipalities are
/// processed at the same time (key <c>GelijktijdigeLeveringen</c>, 1 = one after the other). The result is the same
/// for every value (<see cref="IngestService.ParallelDeliveries"/>); each delivery uses a database connection and
/// about one core while it is read.
/// </summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Two: on two cores the reading of one file and PostgreSQL's work on the other keep both busy.</summary>
    public int GelijktijdigeLeveringen { get; set; } = 2;

    /// <summary>Every value that cannot be used: the key (without section) and a Dutch reason.</summary>
    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (GelijktijdigeLeveringen is < 1 or > 16)
        {
            yield return (nameof(GelijktijdigeLeveringen), $"moet tussen 1 en 16 liggen, niet {GelijktijdigeLeveringen}.");
        }
    }
}
