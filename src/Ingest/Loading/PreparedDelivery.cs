namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// A delivery taken for processing (<see cref="DeliveryProcessor.PrepareAsync"/>): its private copy and hash, the outcome
/// of the same bytes processed before ("al verwerkt") if any, and the delivery id once reserved. Preparing the files of a
/// run one after the other, in their order, gives them their ids in that order, however their processing overlaps
/// afterwards. Disposing removes the private copy.
/// </summary>
public sealed class PreparedDelivery : IDisposable
{
    internal PreparedDelivery(DeliveryFile file, TakenFile taken, DeliveryOutcome? existing)
    {
        File = file;
        Taken = taken;
        Existing = existing;
    }

    public DeliveryFile File { get; }

    /// <summary>The outcome of the same bytes from the same source processed before; null for a new delivery.</summary>
    public DeliveryOutcome? Existing { get; }

    /// <summary>The id reserved for the new delivery (<see cref="DeliveryProcessor.ReserveIdAsync"/>); it keeps it also when refused.</summary>
    public long? LeveringId { get; internal set; }

    /// <summary>The SHA-256 of the delivered bytes.</summary>
    public string Sha256 => Taken.Sha256;

    internal TakenFile Taken { get; }

    public void Dispose() => Taken.Dispose();
}
