using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Model;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>Issue 13 §5: the participant key file is created atomically; a short key is refused.</summary>
public sealed class ParticipantKeyTests
{
    private static readonly IConfiguration Empty = new ConfigurationBuilder().Build();

    private static IConfiguration With(string key) =>
        new ConfigurationBuilder().AddInMemoryCollection([new(ParticipantKey.ConfigurationKey, key)]).Build();

    /// <summary>
    /// Eight creators released at the same moment, 40 times over: a check-then-rename (File.Move without overwrite on
    /// Linux) lets two of them each put a key in place, so some would return a key that was replaced.
    /// </summary>
    [Fact]
    public async Task Processes_starting_at_once_get_one_key_file_of_64_hex_characters_and_no_temporary_files()
    {
        for (var round = 0; round < 40; round++)
        {
            var home = TestCluster.CreateTempHome();
            var stale = Path.Combine(home, "deelnemer.key.tmp-oud");
            await File.WriteAllTextAsync(stale, "half");
            File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));

            using var start = new Barrier(8);
            var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return ParticipantKey.Load(Empty, home, NullLogger.Instance);
                },
                TaskCreationOptions.LongRunning)));

            Assert.All(keys, k => Assert.Equal(keys[0], k));
            Assert.Matches("^[0-9a-f]{64}$", System.Text.Encoding.UTF8.GetString(keys[0]));
            Assert.Equal(["deelnemer.key"], Directory.GetFiles(home).Select(Path.GetFileName));
            Assert.Equal(keys[0], System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(home, "deelnemer.key"))));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(home, "deelnemer.key")));
            }
        }
    }

    [Fact]
    public async Task A_key_shorter_than_32_bytes_is_refused_with_a_Dutch_message()
    {
        var home = TestCluster.CreateTempHome();
        await File.WriteAllTextAsync(Path.Combine(home, "deelnemer.key"), "kort\n");
        var file = Assert.Throws<UserInputException>(() => ParticipantKey.Load(Empty, home, NullLogger.Instance));
        Assert.Contains("te kort (4 bytes, minstens 32 nodig)", file.Message);
        Assert.Equal("kort\n", await File.ReadAllTextAsync(Path.Combine(home, "deelnemer.key")));

        var configured = Assert.Throws<UserInputException>(() => ParticipantKey.Load(With("nog-te-kort"), home, NullLogger.Instance));
        Assert.Contains("te kort (11 bytes)", configured.Message);
        Assert.Equal(32, ParticipantKey.Load(With(new string('k', 32)), home, NullLogger.Instance).Length);
    }
}
