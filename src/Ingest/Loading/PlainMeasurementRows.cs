using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The reading side of <see cref="DirectMeasurementLoad"/> for a plain CSV file (<see cref="PlainCsvReader"/>): each line
/// the fast validator (<see cref="PlainMetingValidator"/>) is certain of is encoded straight from its bytes; every other
/// row is read as <see cref="CsvRowReader"/> would yield it and goes through <see cref="RowSink.Row"/> as on the
/// ordinary path, so the outcome is the same row for row, in file order.
/// </summary>
internal static class PlainMeasurementRows
{
    /// <summary>Streams the rows when the file is plain; false (nothing read) when it is not.</summary>
    public static bool TryStream(DeliveryRun run, IRowReader reader, MetingStage stage, DirectMeasurementLoad load, HeaderMapping mapping,
        IssueSpool spool, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        if (reader is not CsvRowReader csv || csv.Delimiter > 0x7F)
        {
            return false;
        }

        using var validator = stage.PlainValidator((byte)csv.Delimiter, csv.Header.Count);
        if (validator is null || PlainCsvReader.TryOpen(csv) is not { } plain)
        {
            return false;
        }

        var sink = new RowSink(run, mapping, spool, load.Accept, () => load.Abandoned, progress);
        while (plain.Next())
        {
            ct.ThrowIfCancellationRequested();
            bool stop;
            if (!plain.IsBlank && validator.TryValidate(plain.Line, plain.RowNumber, out var m))
            {
                load.AcceptPlain(in m);
                stop = sink.Plain(m.Gemeente.Text, m.Jaar);
            }
            else
            {
                stop = sink.Row(plain.ToRawRow());
            }

            if (stop)
            {
                break;
            }
        }

        return true;
    }
}
