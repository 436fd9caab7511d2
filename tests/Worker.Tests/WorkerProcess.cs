using System.Diagnostics;
using System.Runtime.InteropServices;
using Preventiemonitor.Worker.Cli;

namespace Preventiemonitor.Worker.Tests;

/// <summary>The real Worker executable as a child process, with its own home and no inherited database settings.</summary>
internal static class WorkerProcess
{
    private static readonly string WorkerDll = typeof(WorkerCommandLine).Assembly.Location;

    public static Process Start(string home, params string[] args) => Start(home, new Dictionary<string, string>(), args);

    /// <summary>Starts with extra environment variables (settings such as <c>Methode__NMin</c>).</summary>
    public static Process Start(string home, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WorkerDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("ConnectionStrings__Preventiemonitor");
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment["PREVENTIEMONITOR_HOME"] = home;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>Runs to the end (at most 3 minutes) with optional standard input; returns exit code and stdout + stderr.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string home, string? stdin, params string[] args) =>
        RunAsync(home, stdin, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="RunAsync(string, string?, string[])"/>, with extra environment variables.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string home, string? stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(home, environment, args);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Sends a POSIX signal (15 = SIGTERM); 0 on success.</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Signal(int pid, int signal);
}

/// <summary>
/// A long-running Worker process (<c>serve</c>, <c>pipeline --serve</c>): its output collected line by line,
/// started until a line matches, stopped with SIGTERM. Disposing kills it if it still runs.
/// </summary>
internal sealed class RunningWorker : IAsyncDisposable
{
    private RunningWorker(Process process) => Process = process;

    public Process Process { get; }

    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    public string AllOutput => string.Join('\n', Output);

    /// <summary>Starts the Worker and waits (at most 3 minutes) for the first output line that matches.</summary>
    public static Task<(RunningWorker Worker, System.Text.RegularExpressions.Match Line)> StartAsync(
        string home, System.Text.RegularExpressions.Regex waitFor, params string[] args) =>
        StartAsync(home, new Dictionary<string, string>(), waitFor, args);

    /// <summary>As <see cref="StartAsync(string, System.Text.RegularExpressions.Regex, string[])"/>, with extra environment variables.</summary>
    public static async Task<(RunningWorker Worker, System.Text.RegularExpressions.Match Line)> StartAsync(
        string home, IReadOnlyDictionary<string, string> environment, System.Text.RegularExpressions.Regex waitFor, params string[] args)
    {
        var worker = new RunningWorker(WorkerProcess.Start(home, environment, args));
        var found = new TaskCompletionSource<System.Text.RegularExpressions.Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            worker.Output.Enqueue(line);
            var match = waitFor.Match(line);
            if (match.Success)
            {
                found.TrySetResult(match);
            }
        }

        worker.Process.OutputDataReceived += (_, e) => Collect(e.Data);
        worker.Process.ErrorDataReceived += (_, e) => Collect(e.Data);
        worker.Process.BeginOutputReadLine();
        worker.Process.BeginErrorReadLine();
        worker.Process.StandardInput.Close();
        try
        {
            return (worker, await found.Task.WaitAsync(TimeSpan.FromMinutes(3)));
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends SIGTERM and waits (at most a minute) for the exit; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        Assert.Equal(0, WorkerProcess.Signal(Process.Id, 15));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await Process.WaitForExitAsync(cts.Token);
        return Process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
        return ValueTask.CompletedTask;
    }
}
