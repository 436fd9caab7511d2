namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// A file-level refusal (unreadable, too large, zip bomb, no header, …). The message is Dutch and
/// meant for the municipality's data steward, e.g. <c>bestand is geen geldig XLSX-bestand</c>.
/// </summary>
public sealed class FileRefusedException : Exception
{
    public FileRefusedException(string message)
        : base(message)
    {
    }

    public FileRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
