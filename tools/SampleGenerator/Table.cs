namespace Preventiemonitor.SampleGenerator;

/// <summary>
/// A table to write: canonical column names, the header spellings as they appear in the
/// file, and rows of typed values (string, int, <see cref="Num"/>, <see cref="DateOnly"/> or null).
/// </summary>
internal sealed class Table
{
    public Table(IReadOnlyList<string> columns, IReadOnlyList<string>? headers = null)
    {
        Columns = columns;
        Headers = headers ?? columns;
        if (Headers.Count != Columns.Count)
        {
            throw new ArgumentException("headers and columns differ in length");
        }
    }

    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<string> Headers { get; }
    public List<object?[]> Rows { get; } = [];

    public int Index(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"no column {column}");
    }

    /// <summary>Row number as a person sees it: header is row 1, first data row is row 2.</summary>
    public static int RowNumber(int index) => index + 2;
}
