using ExcelDataReader;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>The worksheet <see cref="XlsxRowReader"/> reads.</summary>
internal static class XlsxSheet
{
    /// <summary>
    /// Moves <paramref name="excel"/> to the sheet named <paramref name="datasetName"/> (case-insensitive, trimmed) and
    /// returns true; without one, back to the first sheet and false.
    /// </summary>
    public static bool Select(IExcelDataReader excel, string datasetName)
    {
        for (var i = 0; i < excel.ResultsCount; i++)
        {
            if (string.Equals(excel.Name?.Trim(), datasetName.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            excel.NextResult();
        }

        excel.Reset();
        return false;
    }
}
