namespace Preventiemonitor.Ingest.Parsing;

/// <summary>Whether a CSV file is plain enough for <see cref="PlainCsvReader"/>: one pass over its bytes from the stream's position.</summary>
internal static class PlainCsvCheck
{
    /// <summary>No <c>"</c>, no CR without LF after it, no line of <see cref="PlainCsvReader.MaxLineBytes"/> or more.</summary>
    public static bool IsPlain(Stream stream, int blockBytes)
    {
        var buffer = new byte[blockBytes];
        var carried = 0;
        while (true)
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(carried), buffer.Length - carried, throwOnEndOfStream: false);
            var end = carried + read;
            var last = read == 0 || end < buffer.Length;
            var block = buffer.AsSpan(0, end);
            if (block.Contains((byte)'"'))
            {
                return false;
            }

            var position = 0;
            while (true)
            {
                var rest = block[position..];
                var newline = rest.IndexOf((byte)'\n');
                var line = newline >= 0 ? rest[..newline] : rest;
                if (newline < 0 && !last)
                {
                    break;
                }

                if (line.Length >= PlainCsvReader.MaxLineBytes || LoneCarriageReturn(line))
                {
                    return false;
                }

                if (newline < 0)
                {
                    return true;
                }

                position += newline + 1;
            }

            carried = end - position;
            if (carried >= PlainCsvReader.MaxLineBytes)
            {
                return false;
            }

            block[position..].CopyTo(buffer);
        }
    }

    /// <summary>A CR anywhere in the line but at its very end (before the LF).</summary>
    private static bool LoneCarriageReturn(ReadOnlySpan<byte> line)
    {
        var cr = line.IndexOf((byte)'\r');
        return cr >= 0 && cr != line.Length - 1;
    }
}
