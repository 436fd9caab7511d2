using System.Text;
using Npgsql;
using NpgsqlTypes;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// Rejected-row reasons collected while the rows stream into staging (one COPY at a time per
/// connection), kept in a temporary file rather than in memory, then copied into a staging table.
/// </summary>
internal sealed class IssueSpool : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;

    public IssueSpool()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pm-issues-{Guid.NewGuid():N}");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true);
    }

    public long Count { get; private set; }

    public void Add(long row, RowIssue issue)
    {
        _writer.Write(row);
        WriteNullable(StoredText.Of(issue.Column));
        WriteNullable(StoredText.Of(issue.Value));
        _writer.Write(StoredText.Of(issue.Reason));
        Count++;
    }

    private void WriteNullable(string? value)
    {
        _writer.Write(value is not null);
        if (value is not null)
        {
            _writer.Write(value);
        }
    }

    /// <summary>Copies everything into <c>stage_fout (rij, kolom, waarde, reden)</c>.</summary>
    public async Task CopyToStagingAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY stage_fout (rij, kolom, waarde, reden) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        for (long i = 0; i < Count; i++)
        {
            await importer.StartRowAsync(ct).ConfigureAwait(false);
            await importer.WriteAsync(reader.ReadInt64(), NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            await WriteNullableAsync(importer, reader, ct).ConfigureAwait(false);
            await WriteNullableAsync(importer, reader, ct).ConfigureAwait(false);
            await importer.WriteAsync(reader.ReadString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
        }

        await importer.CompleteAsync(ct).ConfigureAwait(false);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, BinaryReader reader, CancellationToken ct)
    {
        if (reader.ReadBoolean())
        {
            await importer.WriteAsync(reader.ReadString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
        }
        else
        {
            await importer.WriteNullAsync(ct).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
