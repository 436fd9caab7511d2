
namespace Preventiemonitor.Storage;

/// <summary>A migration problem that stops the program; the message names the file, in Dutch.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
