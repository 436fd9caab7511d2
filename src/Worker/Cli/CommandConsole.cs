using Spectre.Console;

namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// The commands' console (Spectre.Console) on standard output. Redirected (CI, tests, a pipe): no ANSI
/// codes, no live widgets, and a wide line so tables and paths are not wrapped.
/// </summary>
internal static class CommandConsole
{
    public static IAnsiConsole Create(TextWriter output, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    /// <summary>Plain text, never read as markup.</summary>
    public static void Line(this IAnsiConsole console, string text = "") => console.WriteLine(text);
}
