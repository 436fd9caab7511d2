-- The bulk path of the ingest (issue 14).
--
-- 1. meting_programma (gemeente, jaar, programma_id, instrument) served no query: the score run reads a
--    year's partition whole (actuele_meting, joined on the delivery), the derived warnings and the
--    supersede rule read a delivery's rows through meting_levering. Keeping it up to date was the largest
--    single cost of loading measurements (a COPY of a million rows into a partition: about 9 s with it,
--    under 4 s without, on this machine). meting_levering stays.
DROP INDEX IF EXISTS meting_programma;

-- 2. Delivered bytes: the chunks of a payload were compressed with pglz, which cost more than a second per
--    60 MiB of CSV. lz4 compresses the same text as well at a fraction of the CPU time. The bytes read back
--    are the same either way (compression is internal to the storage); chunks stored before keep their pglz
--    compression and are read as before. A server built without lz4 keeps the chunks uncompressed instead
--    (STORAGE EXTERNAL: no compression attempt at all).
DO $$
BEGIN
    ALTER TABLE payload_chunk ALTER COLUMN data SET COMPRESSION lz4;
    ALTER TABLE quarantaine.payload_chunk ALTER COLUMN data SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    ALTER TABLE payload_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
    ALTER TABLE quarantaine.payload_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
END
$$;
