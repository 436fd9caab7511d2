using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Preventiemonitor.Worker.Tests.Crash;

/// <summary>
/// A Worker command as a child process whose output lines (stdout and the --verbose log on stderr) can
/// be waited for, and that can be killed with SIGKILL at the moment the test chooses.
/// </summary>
internal sealed class KillableWorker : IDisposable
{
    private readonly object _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Regex Pattern, int Count, TaskCompletionSource<bool> Done)> _waiters = [];

    private KillableWorker(Process process) => Process = process;

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static KillableWorker Start(string home, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var worker = new KillableWorker(WorkerProcess.Start(home, environment, args));
        worker.Process.OutputDataReceived += (_, e) => worker.Collect(e.Data);
        worker.Process.ErrorDataReceived += (_, e) => worker.Collect(e.Data);
        worker.Process.BeginOutputReadLine();
        worker.Process.BeginErrorReadLine();
        worker.Process.StandardInput.Close();
        _ = worker.Process.WaitForExitAsync().ContinueWith(_ => worker.Exited(), TaskScheduler.Default);
        return worker;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> lines matched (true) or the process ended first (false).
    /// </summary>
    public Task<bool> WaitForLinesAsync(Regex pattern, int count, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.Count(pattern.IsMatch) >= count)
            {
                return Task.FromResult(true);
            }

            if (Process.HasExited)
            {
                return Task.FromResult(false);
            }

            _waiters.Add((pattern, count, done));
        }

        return done.Task.WaitAsync(timeout);
    }

    /// <summary>SIGKILL now; true when the process was still running (a real kill), false when it had ended.</summary>
    public async Task<bool> KillAsync()
    {
        var killed = WorkerProcess.Signal(Process.Id, 9) == 0;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await Process.WaitForExitAsync(cts.Token);
        // A process that ended by itself exits with a code; a killed one reports 137 (128 + SIGKILL).
        return killed && Process.ExitCode == 137;
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.ToList())
            {
                if (_lines.Count(waiter.Pattern.IsMatch) >= waiter.Count)
                {
                    waiter.Done.TrySetResult(true);
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    private void Exited()
    {
        lock (_gate)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Done.TrySetResult(false);
            }

            _waiters.Clear();
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }
}
