using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Preventiemonitor.Ingest.Tests.Sources;

/// <summary>Keeps every log entry: the formatted message and each structured value.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    /// <summary>Everything that was logged, messages and state values, as one text.</summary>
    public string AllText => string.Join("\n", _entries);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var parts = new List<string> { $"{logLevel}: {formatter(state, exception)}" };
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
        }

        if (exception is not null)
        {
            parts.Add(exception.ToString());
        }

        _entries.Enqueue(string.Join(" | ", parts));
    }
}
