using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// What <see cref="DeliveryStaging.StreamRows"/> does with each row it reads, one row at a time: counts it for the file
/// rules, validates and writes it, spools its reasons, reports progress. <see cref="Plain"/> does the same for a row the
/// fast path (<see cref="PlainMeasurementRows"/>) already found valid and wrote.
/// </summary>
internal sealed class RowSink(DeliveryRun run, HeaderMapping mapping, IssueSpool spool,
    Func<RawRow, RowFacts, IReadOnlyList<RowIssue>> validateAndWrite, Func<bool> stop, IProgress<DeliveryProgress>? progress)
{
    private readonly FileTally _tally = run.Tally;
    private readonly RowFacts _facts = new();

    /// <summary>Handles one row; true when reading must stop here.</summary>
    public bool Row(RawRow row)
    {
        _tally.CountRow();
        _facts.Reset();
        var issues = validateAndWrite(row, _facts);
        if (_facts.LooksLikeBsn)
        {
            _tally.CountBsn(row.RowNumber);
            run.BsnSpool.Add(row.RowNumber, FileRules.BsnRowIssue);
        }

        if (issues.Count > 0)
        {
            _tally.CountInvalid();
            foreach (var issue in issues)
            {
                spool.Add(row.RowNumber, issue);
            }
        }

        _tally.Observe(mapping.Cell(row, "gemeente").Text?.Trim(), mapping.Cell(row, "jaar"));
        return Done();
    }

    /// <summary>
    /// Counts a valid row (already written) whose trimmed municipality reads as <paramref name="gemeente"/> (case aside)
    /// and whose year is the plain number <paramref name="year"/>; true when reading must stop here.
    /// </summary>
    public bool Plain(string gemeente, int year)
    {
        _tally.CountRow();
        _tally.Observe(gemeente, year);
        return Done();
    }

    private bool Done()
    {
        if (_tally.Rows % DeliveryProcessor.ProgressEvery == 0)
        {
            progress?.Report(new DeliveryProgress(run.File.Bestand, _tally.Rows));
        }

        return stop();
    }
}
