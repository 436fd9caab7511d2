namespace Preventiemonitor.Storage;

/// <summary>
/// The PostgreSQL server programs (initdb, pg_ctl, postgres) of one installed version.
/// Looked up on PATH first, then in <c>/usr/lib/postgresql/*/bin</c>, highest version first.
/// </summary>
public sealed record PostgresBinaries(string Directory, int MajorVersion)
{
    public const string MissingMessage =
        "PostgreSQL-serverprogramma's (initdb, pg_ctl) niet gevonden in PATH of /usr/lib/postgresql/*/bin. " +
        "Installeer ze met 'sudo apt-get install -y postgresql' of stel de verbinding in met " +
        "ConnectionStrings__Preventiemonitor.";

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>Finds the server programs, or returns null when none are installed.</summary>
    public static PostgresBinaries? Find(string? pathVariable = null, string debianRoot = "/usr/lib/postgresql")
    {
        pathVariable ??= Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasServerPrograms(dir))
            {
                return new PostgresBinaries(dir, ReadMajorVersion(dir));
            }
        }

        if (!System.IO.Directory.Exists(debianRoot))
        {
            return null;
        }

        return System.IO.Directory.EnumerateDirectories(debianRoot)
            .Select(versionDir => (versionDir, bin: Path.Combine(versionDir, "bin")))
            .Where(x => int.TryParse(Path.GetFileName(x.versionDir), out _) && HasServerPrograms(x.bin))
            .Select(x => new PostgresBinaries(x.bin, int.Parse(Path.GetFileName(x.versionDir), System.Globalization.CultureInfo.InvariantCulture)))
            .OrderByDescending(b => b.MajorVersion)
            .FirstOrDefault();
    }

    private static bool HasServerPrograms(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) &&
        File.Exists(Path.Combine(dir, "postgres"));

    private static int ReadMajorVersion(string dir)
    {
        // On Debian the version is the parent folder's name (/usr/lib/postgresql/15/bin); elsewhere ask pg_ctl.
        var parent = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(dir).TrimEnd('/')));
        if (int.TryParse(parent, out var fromPath))
        {
            return fromPath;
        }

        var result = ProcessRunner.RunAsync(Path.Combine(dir, "pg_ctl"), ["--version"], null, TimeSpan.FromSeconds(10), CancellationToken.None)
            .GetAwaiter().GetResult();
        // "pg_ctl (PostgreSQL) 15.18"
        var version = result.StandardOutput.Trim().Split(' ').LastOrDefault() ?? "0";
        return int.TryParse(version.Split('.')[0], out var major) ? major : 0;
    }
}
