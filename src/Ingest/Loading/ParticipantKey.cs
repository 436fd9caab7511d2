using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The per-installation secret for the keyed hash of participant ids (aanleverformaat §4):
/// configuration <c>Preventiemonitor:DeelnemerSleutel</c> (env <c>Preventiemonitor__DeelnemerSleutel</c>),
/// else a random key generated once in <c>$PREVENTIEMONITOR_HOME/deelnemer.key</c> (mode 600).
/// The same key must be kept for the life of the installation: a new key gives new hashes.
/// </summary>
public static class ParticipantKey
{
    public const string ConfigurationKey = "Preventiemonitor:DeelnemerSleutel";

    public static byte[] Load(IConfiguration configuration, string homeDirectory, ILogger logger)
    {
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (configured.Trim().Length < 32)
            {
                throw new InvalidOperationException(
                    $"{ConfigurationKey} is te kort: gebruik minstens 32 tekens (bijvoorbeeld 64 hexadecimale tekens).");
            }

            logger.LogInformation("Sleutel voor deelnemer-id's uit de configuratie.");
            return Encoding.UTF8.GetBytes(configured.Trim());
        }

        var path = Path.Combine(homeDirectory, "deelnemer.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(homeDirectory);
            var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                file.Write(Encoding.UTF8.GetBytes(key));
            }

            logger.LogWarning(
                "Nieuwe sleutel voor deelnemer-id's aangemaakt in {Path}. Bewaar hem (zonder sleutel zijn nieuwe hashes " +
                "niet meer te koppelen aan oude) of stel {Key} in.", path, ConfigurationKey);
        }

        return Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim());
    }
}
