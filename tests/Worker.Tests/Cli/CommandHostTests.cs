using Preventiemonitor.Model;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Worker.Cli;
using Preventiemonitor.Worker.Tests.Accounts;

namespace Preventiemonitor.Worker.Tests.Cli;

/// <summary>
/// <see cref="CommandHost.GuardAsync"/> with a user error: the exit code of the error, and in the log the
/// cause behind it (an engine failure behind a refused publication) for operators.
/// </summary>
public sealed class CommandHostTests
{
    [Fact]
    public async Task A_refused_publication_logs_the_engine_failure_behind_it()
    {
        using var logs = new CapturingLoggerProvider();
        var failure = new InvalidOperationException("Proefstoring in de controle.");
        var refused = new PublicationException("De publicatie is niet geschreven.", failure);

        var exit = await CommandHost.GuardAsync(logs.CreateLogger("Preventiemonitor"), "preventiemonitor.log",
            () => throw new UserInputException(refused.Message, inner: refused), CancellationToken.None);

        Assert.Equal(UserInputException.InputExitCode, exit);
        var line = Assert.Single(logs.Lines);
        Assert.StartsWith("Warning Preventiemonitor: De publicatie is niet geschreven.", line);
        Assert.Contains("System.InvalidOperationException: Proefstoring in de controle.", line);
    }

    [Fact]
    public async Task With_serve_the_console_log_gets_a_user_error_only_when_it_has_a_cause()
    {
        using var logs = new CapturingLoggerProvider();
        var logger = logs.CreateLogger("Preventiemonitor");
        var refused = new PublicationException("De publicatie is niet geschreven.", new InvalidOperationException("Proefstoring."));

        await CommandHost.GuardAsync(logger, null, () => throw new UserInputException("Levering 7 bestaat niet."), CancellationToken.None);
        Assert.Empty(logs.Lines);
        var exit = await CommandHost.GuardAsync(logger, null, () => throw refused, CancellationToken.None);

        Assert.Equal(UserInputException.InputExitCode, exit);
        var line = Assert.Single(logs.Lines);
        Assert.Contains("System.InvalidOperationException: Proefstoring.", line);
    }

    [Fact]
    public async Task A_user_error_without_a_cause_logs_its_line_only()
    {
        using var logs = new CapturingLoggerProvider();

        var exit = await CommandHost.GuardAsync(logs.CreateLogger("Preventiemonitor"), "preventiemonitor.log",
            () => throw new UserInputException("Levering 7 bestaat niet."), CancellationToken.None);

        Assert.Equal(UserInputException.InputExitCode, exit);
        var line = Assert.Single(logs.Lines);
        Assert.DoesNotContain("Exception", line);
        Assert.Contains("Levering 7 bestaat niet.", line);
    }
}
