using Preventiemonitor.Ingest.Loading;

namespace Preventiemonitor.Ingest.Intake;

/// <summary>The files of a drop run through the <see cref="DeliveryProcessor"/>, several municipalities at a time (<see cref="ParallelDeliveryRun"/>).</summary>
internal static class DropDeliveries
{
    /// <summary>The outcomes in the order of <paramref name="files"/>; a file that kept changing is left out and noted.</summary>
    public static async Task<List<DeliveryOutcome>> ProcessAsync(DeliveryProcessor processor, IReadOnlyList<DeliveryFile> files, int parallel,
        List<string> notes, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var changing = new string?[files.Count];
        var seen = new HashSet<(string? Gemeente, Model.Deliveries.Dataset? Dataset, string Sha256)>();
        var results = await ParallelDeliveryRun.RunAsync(
            files.Select((file, index) => (File: file, Index: index)).ToList(),
            f => f.File.Gemeente,
            parallel,
            async (f, token) =>
            {
                try
                {
                    var prepared = await processor.PrepareAsync(f.File, token).ConfigureAwait(false);
                    if (seen.Add((f.File.Gemeente, f.File.Dataset, prepared.Sha256)))
                    {
                        // Not the bytes of an earlier file of this run (of the same municipality: it is processed after that one).
                        await processor.ReserveIdAsync(prepared, token).ConfigureAwait(false);
                    }

                    return prepared;
                }
                catch (FileChangingException e)
                {
                    changing[f.Index] = e.Message;
                    return null;
                }
            },
            (prepared, token) => processor.ProcessAsync(prepared, progress, token),
            ct).ConfigureAwait(false);
        notes.AddRange(changing.OfType<string>());
        return [.. results.OfType<DeliveryOutcome>()];
    }
}
