using System.Text;
using Microsoft.Playwright;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// Screenshots as test artifacts, in <c>TestResults/screenshots/</c> under the test output directory
/// (e.g. <c>tests/Worker.Tests/bin/Debug/net10.0/TestResults/screenshots/</c>), named
/// <c>&lt;test class&gt;.&lt;step&gt;.png</c>.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Saves a full-page screenshot and returns its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string testClass, string step)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{Clean(testClass)}.{Clean(step)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true }).ConfigureAwait(false);
        return path;
    }

    private static string Clean(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            clean.Append(invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c);
        }

        return clean.Length == 0 ? "screenshot" : clean.ToString();
    }
}
