using System.Security.Cryptography;
using System.Text;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// Takes a delivered file for processing: the file is copied once to a private temporary file while
/// it is hashed, and everything after that (the "al verwerkt" check, the parser, the payload store)
/// reads the copy, so the hash, the rows and the stored bytes are the same bytes. The file is taken
/// only when its size and modification time are the same before and after the copy (else the copy is
/// tried again, and after that the file is left for a next run: <see cref="FileChangingException"/>).
/// A file above the size limit is refused before it is read: only its size and hash are kept. A file
/// that cannot be read gets a refusal and, for its SHA-256, a hash of its name, size and time, so the
/// same unreadable file is one delivery however often it is seen.
/// </summary>
internal static class PrivateCopy
{
    public const int Attempts = 3;

    /// <param name="afterCopy">Called after each copy, before the second look at the file (tests change the file here).</param>
    public static async Task<TakenFile> TakeAsync(DeliveryFile file, long maxBytes, Func<Task>? afterCopy, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var before = LocalFile.Stat(file.LocalPath);
            if (before.Kind != LocalFileKind.Regular)
            {
                return Unreadable(file, before, before.Kind == LocalFileKind.Missing ? "het bestand is niet te openen" : "geen gewoon bestand");
            }

            TakenFile taken;
            try
            {
                taken = before.Size > maxBytes
                    ? await HashOnlyAsync(file.LocalPath, before, maxBytes, ct).ConfigureAwait(false)
                    : await CopyAsync(file.LocalPath, ct).ConfigureAwait(false);
            }
            catch (SourceReadException e)
            {
                return Unreadable(file, before, e.Message);
            }

            if (afterCopy is not null)
            {
                await afterCopy().ConfigureAwait(false);
            }

            if (LocalFile.Stat(file.LocalPath) == before && taken.Size == before.Size)
            {
                return taken;
            }

            taken.Dispose();
        }

        throw new FileChangingException(file.Bestand);
    }

    private static async Task<TakenFile> CopyAsync(string source, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("pm-levering-").FullName;
        var target = Path.Combine(folder, "levering" + Path.GetExtension(source));
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            await using (var input = OpenSource(source))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await ReadSourceAsync(input, buffer, ct).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                    size += read;
                }
            }

            return new TakenFile(Hex(hash.GetHashAndReset()), size, target, null);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Too large: hashed where it lies, never copied, parsed or stored.</summary>
    private static async Task<TakenFile> HashOnlyAsync(string source, LocalFile before, long maxBytes, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var input = OpenSource(source))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await ReadSourceAsync(input, buffer, ct).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
            }
        }

        var refusal = new Refusal(
            $"bestand is groter dan {DutchNumbers.Size(maxBytes)} ({DutchNumbers.Size(before.Size)}); het is niet gelezen en niet bewaard",
            RowsKnown: false);
        return new TakenFile(Hex(hash.GetHashAndReset()), size, null, refusal);
    }

    private static TakenFile Unreadable(DeliveryFile file, LocalFile facts, string why)
    {
        var identity = SHA256.HashData(Encoding.UTF8.GetBytes(
            $"onleesbaar\n{file.Bron}\n{file.Bestand}\n{facts.Size}\n{facts.ModifiedTicks}"));
        return new TakenFile(Hex(identity), facts.Size, null, FileRules.Unreadable($"bestand onleesbaar: {why}"));
    }

    private static FileStream OpenSource(string source)
    {
        try
        {
            return new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SourceReadException("geen leesrechten op het bestand", e);
        }
        catch (IOException e)
        {
            throw new SourceReadException("het bestand is niet te openen", e);
        }
    }

    private static async Task<int> ReadSourceAsync(FileStream input, byte[] buffer, CancellationToken ct)
    {
        try
        {
            return await input.ReadAsync(buffer, ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new SourceReadException("leesfout tijdens het kopiëren", e);
        }
    }

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();

    private sealed class SourceReadException(string message, Exception inner) : Exception(message, inner);
}
