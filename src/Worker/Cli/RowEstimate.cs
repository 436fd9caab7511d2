namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// An estimate of a CSV file's data rows before it is read, for a percentage on the console: the file's size
/// times the rows per byte of its first MiB. Null when the file cannot be read (a delivery from an HTTP source).
/// </summary>
internal static class RowEstimate
{
    private const int Sample = 1 << 20;

    public static long? Of(string? path)
    {
        try
        {
            if (path is null || !File.Exists(path))
            {
                return null;
            }

            using var stream = File.OpenRead(path);
            var buffer = new byte[Sample];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var lines = buffer.AsSpan(0, read).Count((byte)'\n');
            if (read == 0 || lines == 0)
            {
                return null;
            }

            return Math.Max(1, (long)(stream.Length * (double)lines / read) - 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
