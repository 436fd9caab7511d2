using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Preventiemonitor.Model;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The per-installation secret for the keyed hash of participant ids (aanleverformaat §4):
/// configuration <c>Preventiemonitor:DeelnemerSleutel</c> (env <c>Preventiemonitor__DeelnemerSleutel</c>),
/// else a random key generated once in <c>$PREVENTIEMONITOR_HOME/deelnemer.key</c> (mode 600).
/// The same key must be kept for the life of the installation: a new key gives new hashes.
/// The file is created atomically (a temporary file, flushed, then linked into place with
/// <c>link(2)</c>, which never replaces an existing file), so a crash never leaves an empty or half-written key; two processes starting at once
/// end up with the same key. A key shorter than <see cref="MinimumBytes"/> bytes is refused.
/// </summary>
public static class ParticipantKey
{
    public const string ConfigurationKey = "Preventiemonitor:DeelnemerSleutel";
    public const string FileName = "deelnemer.key";
    public const int MinimumBytes = 32;

    private const string TempPrefix = FileName + ".tmp-";

    public static byte[] Load(IConfiguration configuration, string homeDirectory, ILogger logger)
    {
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Encoding.UTF8.GetBytes(configured.Trim());
            if (bytes.Length < MinimumBytes)
            {
                throw new UserInputException(
                    $"{ConfigurationKey} is te kort ({bytes.Length} bytes): gebruik minstens {MinimumBytes} tekens (bijvoorbeeld 64 hexadecimale tekens).");
            }

            logger.LogInformation("Sleutel voor deelnemer-id's uit de configuratie.");
            return bytes;
        }

        var path = Path.Combine(homeDirectory, FileName);
        RemoveStaleTempFiles(homeDirectory);
        if (!File.Exists(path) && Create(homeDirectory, path))
        {
            logger.LogWarning(
                "Nieuwe sleutel voor deelnemer-id's aangemaakt in {Path}. Bewaar hem (zonder sleutel zijn nieuwe hashes " +
                "niet meer te koppelen aan oude) of stel {Key} in.", path, ConfigurationKey);
        }

        var key = Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim());
        if (key.Length < MinimumBytes)
        {
            throw new UserInputException(
                $"De sleutel voor deelnemer-id's in {path} is te kort ({key.Length} bytes, minstens {MinimumBytes} nodig). " +
                $"Zet de bewaarde sleutel terug of stel {ConfigurationKey} in; een nieuwe sleutel geeft nieuwe hashes.");
        }

        return key;
    }

    /// <summary>Writes a new key to a temporary file and moves it into place; false when another process was first.</summary>
    private static bool Create(string homeDirectory, string path)
    {
        Directory.CreateDirectory(homeDirectory);
        var temp = Path.Combine(homeDirectory, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temp, options))
            {
                file.Write(Encoding.UTF8.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(MinimumBytes))));
                file.Flush(flushToDisk: true);
            }

            // Never replaces a key another process put there meanwhile (see NoReplaceLink).
            return NoReplaceLink.TryMove(temp, path);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Temporary files of a creation that was killed halfway (older than a minute: not one being written now).</summary>
    private static void RemoveStaleTempFiles(string homeDirectory)
    {
        if (!Directory.Exists(homeDirectory))
        {
            return;
        }

        var before = DateTime.UtcNow - TimeSpan.FromMinutes(1);
        foreach (var stale in Directory.EnumerateFiles(homeDirectory, TempPrefix + "*").Where(f => File.GetLastWriteTimeUtc(f) < before))
        {
            try
            {
                File.Delete(stale);
            }
            catch (IOException)
            {
                // In use by a process creating the key right now: it removes it itself.
            }
        }
    }
}
