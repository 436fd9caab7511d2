namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The file changed (size or modification time) while it was copied, also on the retries: it is
/// probably still being written. It is not a delivery yet; the next run takes it.
/// </summary>
public sealed class FileChangingException(string bestand)
    : IOException($"{bestand}: het bestand werd gewijzigd tijdens het lezen (wordt het nog geschreven?); het wordt bij een volgende run verwerkt.")
{
    public string Bestand { get; } = bestand;
}
