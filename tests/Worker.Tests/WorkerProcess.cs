using System.Diagnostics;
using System.Runtime.InteropServices;
using Preventiemonitor.Worker.Cli;

namespace Preventiemonitor.Worker.Tests;

/// <summary>The real Worker executable as a child process, with its own home and no inherited database settings.</summary>
internal static class WorkerProcess
{
    private static readonly string WorkerDll = typeof(WorkerCommandLine).Assembly.Location;

    public static Process Start(string home, params string[] args)
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
        return Process.Start(info)!;
    }

    /// <summary>Runs to the end (at most 3 minutes) with optional standard input; returns exit code and stdout + stderr.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string home, string? stdin, params string[] args)
    {
        using var process = Start(home, args);
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
