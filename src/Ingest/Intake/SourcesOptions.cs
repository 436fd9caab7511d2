using Microsoft.Extensions.Configuration;

namespace Preventiemonitor.Ingest.Intake;

/// <summary>
/// The configured sources as settings (section <c>Bronnen</c>), read by <see cref="SourceSettings.Load"/>.
/// A mistake does not throw here: it is kept in <see cref="Problem"/> so the start-up validation
/// stops the program with one line naming the source.
/// </summary>
public sealed class SourcesOptions
{
    public IReadOnlyList<SourceSettings> Sources { get; set; } = [];

    /// <summary>The first mistake in the section, in Dutch; null when every source is usable.</summary>
    public string? Problem { get; set; }

    public void Bind(IConfiguration configuration)
    {
        try
        {
            Sources = SourceSettings.Load(configuration);
            Problem = null;
        }
        catch (SourceConfigurationException e)
        {
            Sources = [];
            Problem = e.Message;
        }
    }
}
