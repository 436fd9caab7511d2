using Npgsql;
using NpgsqlTypes;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>Staging of a <c>metingen</c> delivery (§2.2): the participant id arrives here already hashed.</summary>
internal sealed class MetingStage(ValidationContext context, byte[] participantKey) : DatasetStage, IDisposable
{
    private readonly MetingValidator _validator = new(context, participantKey);
    private readonly KeyFingerprints _keys = new();

    public override Dataset Dataset => Dataset.Metingen;

    public override string StageTable => "stage_meting";

    public override string CreateStaging => """
        CREATE TEMP TABLE stage_meting (
            rij bigint, gemeente text, jaar integer, programma_id text, deelnemer_hash bytea, moment text,
            datum date, leeftijd smallint, instrument text, score numeric
        ) ON COMMIT DROP
        """;

    public override string CopyCommand => """
        COPY stage_meting (rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score)
        FROM STDIN (FORMAT BINARY)
        """;

    public override string Deduplicate => DuplicateSql("stage_meting",
        "gemeente, jaar, programma_id, deelnemer_hash, instrument, moment",
        "format('dubbele meting: zelfde programma, deelnemer, instrument en moment als rij %s', eerste)");

    public override bool MayHaveDuplicates => _keys.AnyEqual();

    public override string InsertIntoModel => """
        INSERT INTO meting (levering_id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score)
        SELECT @id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score
        FROM stage_meting
        """;

    /// <summary>True when the rows were not loaded here but must go through the exact staging path (<see cref="DirectMeasurementLoad"/>).</summary>
    public bool NeedsExactPath { get; set; }

    /// <summary>The rows went straight into <c>meting</c> (<see cref="DirectMeasurementLoad"/>); null on the staging path.</summary>
    public DirectMeasurementLoad? Direct { get; set; }

    public override IReadOnlyList<RowIssue> ValidateAndWrite(RawRow row, NpgsqlBinaryImporter importer, RowFacts facts)
    {
        var issues = Validate(row, facts, out var m);
        if (m is null)
        {
            return issues;
        }

        importer.StartRow();
        importer.Write(m.Rij, NpgsqlDbType.Bigint);
        WriteColumns(importer, m);
        return [];
    }

    /// <summary>Validates one row and, for a valid row, keeps the fingerprint of its duplicate key.</summary>
    public IReadOnlyList<RowIssue> Validate(RawRow row, RowFacts facts, out MetingRecord? record)
    {
        var result = _validator.Validate(row, out var looksLikeBsn);
        facts.LooksLikeBsn = looksLikeBsn;
        record = result.Record;
        if (record is not { } m)
        {
            return result.Issues;
        }

        AddKey(m.DeelnemerHash, KeyFingerprints.TextHash(m.Gemeente), m.Jaar, KeyFingerprints.TextHash(m.ProgrammaId),
            KeyFingerprints.TextHash(m.Instrument), KeyFingerprints.TextHash(m.Moment));
        return [];
    }

    /// <summary>Keeps the fingerprint of a valid row's duplicate key (the texts as <see cref="KeyFingerprints.TextHash"/>).</summary>
    public void AddKey(byte[] hash, ulong gemeente, int jaar, ulong programmaId, ulong instrument, ulong moment)
    {
        // The key of Deduplicate: gemeente, jaar, programma_id, deelnemer_hash, instrument, moment.
        var key = KeyFingerprints.Start(hash);
        key = KeyFingerprints.Mix(key, gemeente);
        key = KeyFingerprints.Mix(key, (ulong)jaar);
        key = KeyFingerprints.Mix(key, programmaId);
        key = KeyFingerprints.Mix(key, instrument);
        _keys.Add(KeyFingerprints.Mix(key, moment));
    }

    /// <summary>Writes the columns after <c>rij</c>: gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score.</summary>
    public static void WriteColumns(NpgsqlBinaryImporter importer, MetingRecord m)
    {
        importer.Write(m.Gemeente, NpgsqlDbType.Text);
        importer.Write(m.Jaar, NpgsqlDbType.Integer);
        importer.Write(m.ProgrammaId, NpgsqlDbType.Text);
        importer.Write(m.DeelnemerHash, NpgsqlDbType.Bytea);
        importer.Write(m.Moment, NpgsqlDbType.Text);
        importer.Write(m.Datum, NpgsqlDbType.Date);
        importer.Write((short)m.Leeftijd, NpgsqlDbType.Smallint);
        importer.Write(m.Instrument, NpgsqlDbType.Text);
        importer.Write(m.Score, NpgsqlDbType.Numeric);
    }

    /// <summary>The fast validator of the same rules for a CSV file with this delimiter and number of columns (null: not for this header).</summary>
    public PlainMetingValidator? PlainValidator(byte delimiter, int columns) => PlainMetingValidator.For(context, participantKey, delimiter, columns);

    public void Dispose() => _validator.Dispose();
}
