using System.Text;
using Npgsql;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// Tells a failure caused by the content of one delivery (a parser error, a value the database
/// refuses, an unexpected shape) from a failure of the infrastructure (database unreachable or out of
/// resources, disk full, cancellation). The first ends that delivery as <c>geweigerd</c> and the run
/// goes on; the second stops the run, and the job tries again later.
/// </summary>
public static class ProcessingFailures
{
    /// <summary>The Dutch reason of a delivery refused after an unexpected failure: a category, never content or a stack trace.</summary>
    public static string Reason(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var what = exception switch
        {
            PostgresException pg => $"de database weigerde een waarde uit het bestand (code {pg.SqlState})",
            DecoderFallbackException or EncoderFallbackException => "het bestand bevat tekens die geen geldige tekst zijn",
            FormatException or InvalidCastException or OverflowException => "een waarde heeft een onverwachte vorm",
            _ => $"onverwachte fout ({exception.GetType().Name})",
        };
        return $"bestand onleesbaar: {what}";
    }

    /// <summary>True when the failure belongs to the delivery; false for infrastructure and cancellation.</summary>
    public static bool IsCausedByContent(Exception exception, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            OperationCanceledException when ct.IsCancellationRequested => false,
            OutOfMemoryException or StackOverflowException or ThreadAbortException => false,
            FileChangingException => false,
            PostgresException pg => !IsInfrastructure(pg.SqlState),
            NpgsqlException => false, // no answer from the server: connection, timeout, I/O
            IOException io when IsDiskFull(io) => false,
            _ => !(exception.InnerException is { } inner && !IsCausedByContent(inner, ct)),
        };
    }

    /// <summary>
    /// SQLSTATE classes of the server's own trouble: 08 connection, 40 transaction rollback (deadlock,
    /// serialization), 53 insufficient resources (disk full, out of memory), 57 operator intervention
    /// (shutdown, cancel), 58 system error, XX internal error.
    /// </summary>
    public static bool IsInfrastructure(string sqlState)
    {
        ArgumentNullException.ThrowIfNull(sqlState);
        return sqlState.Length >= 2 && sqlState[..2] is "08" or "40" or "53" or "57" or "58" or "XX";
    }

    /// <summary>No space left on the device (ENOSPC 28, EDQUOT 122 on Unix; ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL on Windows).</summary>
    public static bool IsDiskFull(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HResult is 28 or 122 or unchecked((int)0x80070070) or unchecked((int)0x80070027);
    }
}
