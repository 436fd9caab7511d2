using System.Text;
using Npgsql;
using Preventiemonitor.Ingest.Loading;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>Which failures end one delivery and which stop the run (issue 13, point 1).</summary>
public sealed class ProcessingFailuresTests
{
    [Fact]
    public void Content_failures_end_the_delivery()
    {
        Assert.True(ProcessingFailures.IsCausedByContent(new PostgresException("x", "ERROR", "ERROR", "22021"), CancellationToken.None));
        Assert.True(ProcessingFailures.IsCausedByContent(new EncoderFallbackException(), CancellationToken.None));
        Assert.True(ProcessingFailures.IsCausedByContent(new InvalidOperationException("parser"), CancellationToken.None));
        Assert.Equal("bestand onleesbaar: de database weigerde een waarde uit het bestand (code 22021)",
            ProcessingFailures.Reason(new PostgresException("invalid byte sequence 0x00 in 'geheim'", "ERROR", "ERROR", "22021")));
    }

    [Fact]
    public void Infrastructure_failures_and_cancellation_stop_the_run()
    {
        Assert.False(ProcessingFailures.IsCausedByContent(new PostgresException("x", "FATAL", "FATAL", "53100"), CancellationToken.None));
        Assert.False(ProcessingFailures.IsCausedByContent(new PostgresException("x", "FATAL", "FATAL", "57P01"), CancellationToken.None));
        Assert.False(ProcessingFailures.IsCausedByContent(new NpgsqlException("connection refused"), CancellationToken.None));
        Assert.False(ProcessingFailures.IsCausedByContent(new IOException("disk full", 28), CancellationToken.None));
        Assert.False(ProcessingFailures.IsCausedByContent(new InvalidOperationException("wrapped", new NpgsqlException("down")), CancellationToken.None));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.False(ProcessingFailures.IsCausedByContent(new OperationCanceledException(cancelled.Token), cancelled.Token));
    }
}
