using System.Security.Cryptography;
using System.Text;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>Rules of the outcome measurements (aanleverformaat §2.2) and the BSN check of §4.</summary>
public sealed class MetingValidator(ValidationContext context, byte[] participantKey) : IDisposable
{
    /// <summary>Highest age on a <c>T0</c> or <c>T1</c> row (the youth of the study: 0–23).</summary>
    public const int MaxAge = 23;

    /// <summary>Highest age on a <c>T2</c> follow-up, which may be measured after the 24th birthday.</summary>
    public const int MaxAgeFollowUp = 25;

    /// <summary>The longest participant id (characters); its UTF-8 form fits in a stack buffer of three bytes a character.</summary>
    private const int MaxParticipantChars = 64;

    /// <summary>How many participant ids the cache of hashes holds before it starts again (a file lists a participant's rows close together).</summary>
    private const int MaxCachedHashes = 4096;

    // One keyed hash for all rows (the key is set up once), reset after every row; the same bytes as HMACSHA256.HashData.
    private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, participantKey);

    // The hashes of recently seen ids (ordinal): the same id always gives the same bytes, and rows share the array (never written to).
    private readonly Dictionary<string, byte[]> _hashes = new(StringComparer.Ordinal);

    public RowResult<MetingRecord> Validate(RawRow row, out bool looksLikeBsn)
    {
        var c = new RowCells(row, context.Mapping, context.DecimalCommaAllowed, context.Format);
        var programma = c.String("programma_id", true, 64);
        var gemeente = CommonRules.Gemeente(c, context);
        var jaar = c.Integer("jaar", true, CommonRules.FirstYear, CommonRules.LastYear);

        // The participant id is checked and hashed here; it is never stored or reported as delivered.
        var deelnemerText = c.Text("deelnemer");
        // A BSN also when delivered as a number (JSON 1.23456782E8, an XLSX cell that lost its leading zero).
        looksLikeBsn = Bsn.LooksLikeBsn(deelnemerText) || (context.Mapping.Cell(row, "deelnemer").Number is double number && Bsn.LooksLikeBsn(number));
        byte[]? hash = null;
        if (deelnemerText is null)
        {
            c.Missing("deelnemer");
        }
        else if (deelnemerText.Length > MaxParticipantChars)
        {
            c.Add("deelnemer", null, $"deelnemer is langer dan 64 tekens ({deelnemerText.Length})");
        }
        else
        {
            hash = Hash(deelnemerText);
        }

        var moment = c.Code("moment", true, v => CommonRules.Lookup(CommonRules.Momenten, v),
            v => $"onbekend meetmoment '{v}' (verwacht T0, T1 of T2)");
        // For a T2 follow-up, jaar is the year of the programme run and datum may lie in a later year; for
        // no moment is datum checked against jaar (aanleverformaat §2.2).
        var datum = c.Date("datum", true);
        var leeftijd = Age(c, moment);
        var instrument = c.Code("instrument", true, v => context.Catalog.FindInstrument(v)?.Code, v => $"onbekend instrument '{v}'");
        var score = c.Decimal("score", true);
        if (score is decimal value && instrument is not null)
        {
            var i = context.Catalog.FindInstrument(instrument)!;
            if (!i.BinnenBereik(value))
            {
                c.Add("score", c.Text("score"),
                    $"score {c.Text("score")} ligt buiten {RowCells.Format(i.Min)}–{RowCells.Format(i.Max)} voor {i.Code}");
            }
        }

        if (c.HasIssues)
        {
            return new RowResult<MetingRecord>(null, c.Issues);
        }

        return new RowResult<MetingRecord>(
            new MetingRecord(row.RowNumber, gemeente!, jaar!.Value, programma!, hash!, moment!, datum!.Value, leeftijd!.Value, instrument!, score!.Value),
            []);
    }

    public void Dispose() => _hmac.Dispose();

    /// <summary>HMAC-SHA-256 of the id's UTF-8 bytes, without a buffer per row; a participant's next rows reuse the bytes.</summary>
    private byte[] Hash(string participant)
    {
        if (_hashes.TryGetValue(participant, out var known))
        {
            return known;
        }

        if (_hashes.Count == MaxCachedHashes)
        {
            _hashes.Clear();
        }

        var hash = Compute(participant);
        _hashes.Add(participant, hash);
        return hash;
    }

    private byte[] Compute(string participant)
    {
        Span<byte> utf8 = stackalloc byte[MaxParticipantChars * 3];
        _hmac.AppendData(utf8[..Encoding.UTF8.GetBytes(participant, utf8)]);
        var hash = new byte[32];
        _hmac.GetHashAndReset(hash);
        return hash;
    }

    /// <summary>
    /// The youth's age at the measurement: 0–23, on a <c>T2</c> row 0–25 (a follow-up may come after the
    /// 24th birthday). When the moment itself is invalid, only 0–25 is checked: the row is refused for its moment.
    /// </summary>
    private static int? Age(RowCells c, string? moment) =>
        c.Integer("leeftijd", true, 0, moment is null or "T2" ? MaxAgeFollowUp : MaxAge);
}
