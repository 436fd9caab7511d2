-- Deliveries (leveringen) and the data they carry: aanleverformaat.md §2, §4 and §6.
-- Every loaded row points to its delivery (lineage); every payload is kept byte for byte.

-- Raw payloads, content-addressed by SHA-256, stored in chunks of at most 1 MiB so that files of
-- hundreds of MiB are written and read back in bounded memory.
CREATE TABLE payload (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size   bigint NOT NULL CHECK (size >= 0)
);

CREATE TABLE payload_chunk (
    sha256 text    NOT NULL REFERENCES payload (sha256),
    seq    integer NOT NULL,
    data   bytea   NOT NULL,
    PRIMARY KEY (sha256, seq)
);

-- Quarantine of refused privacy deliveries (BSN, forbidden columns): the bytes are kept only here.
-- Restricted: the schema is closed to PUBLIC; grant it only to the people who handle incidents.
CREATE SCHEMA quarantaine;
REVOKE ALL ON SCHEMA quarantaine FROM PUBLIC;

CREATE TABLE quarantaine.payload (
    sha256 text PRIMARY KEY,
    size   bigint NOT NULL
);

CREATE TABLE quarantaine.payload_chunk (
    sha256 text    NOT NULL REFERENCES quarantaine.payload (sha256),
    seq    integer NOT NULL,
    data   bytea   NOT NULL,
    PRIMARY KEY (sha256, seq)
);

CREATE TABLE levering (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bron           text NOT NULL,                       -- source name; 'drop' for the drop folder
    gemeente       text REFERENCES gemeente (code),     -- from the folder/source; NULL for bevolking
    dataset        text CHECK (dataset IN ('programmas', 'metingen', 'bevolking', 'interventies')),
    bestand        text NOT NULL,                       -- path relative to the drop root, or the URL
    sha256         text NOT NULL,
    grootte        bigint NOT NULL,
    ontvangen_op   timestamptz NOT NULL DEFAULT now(),
    status         text NOT NULL CHECK (status IN ('geaccepteerd', 'deels_geaccepteerd', 'geweigerd', 'vervangen')),
    reden          text,                                -- file-level reason when geweigerd
    formaat        text,                                -- what the reader detected
    jaren          integer[] NOT NULL DEFAULT '{}',     -- years of the accepted rows
    rijen          integer,                             -- data rows read; NULL when unreadable
    geaccepteerd   integer NOT NULL DEFAULT 0,
    geweigerd      integer NOT NULL DEFAULT 0,
    waarschuwingen integer NOT NULL DEFAULT 0,
    in_quarantaine boolean NOT NULL DEFAULT false       -- bytes only in quarantaine.payload
);

-- Same bytes from the same source again: "al verwerkt". The source is the channel: the source name
-- and, for the drop folder, the municipality and dataset folder; so a file moved from a wrong folder
-- to the right one is a new delivery.
CREATE UNIQUE INDEX levering_al_verwerkt ON levering (bron, coalesce(gemeente, ''), coalesce(dataset, ''), sha256);

CREATE INDEX levering_gemeente_dataset ON levering (gemeente, dataset);

COMMENT ON TABLE levering IS 'Eén rij per ontvangen bestand (levering), ook geweigerde; bytes in payload of quarantaine.payload.';

-- Rejected rows (and, for a refused file, the rows that caused it). A row can have several reasons.
CREATE TABLE levering_fout (
    levering_id bigint NOT NULL REFERENCES levering (id),
    rij         bigint,          -- row number as a person sees it (header = 1)
    kolom       text,
    waarde      text,            -- never a participant id or a BSN
    reden       text NOT NULL
);

CREATE INDEX levering_fout_levering ON levering_fout (levering_id, rij);

CREATE TABLE levering_waarschuwing (
    levering_id bigint NOT NULL REFERENCES levering (id),
    rij         bigint,
    kolom       text,
    waarde      text,
    melding     text NOT NULL,
    -- Derived from the current inventory (unknown programme, instrument outside the programme's
    -- themes): re-derived whenever that inventory or these measurements change.
    afgeleid    boolean NOT NULL DEFAULT false
);

CREATE INDEX levering_waarschuwing_levering ON levering_waarschuwing (levering_id);

-- Which delivery is current for a dataset, municipality and year (§6: a newer accepted delivery of
-- that dataset for (gemeente, jaar) replaces the older one entirely). Older rows stay for lineage.
CREATE TABLE actuele_levering (
    dataset     text    NOT NULL,
    gemeente    text    NOT NULL REFERENCES gemeente (code),
    jaar        integer NOT NULL,
    levering_id bigint  NOT NULL REFERENCES levering (id),
    PRIMARY KEY (dataset, gemeente, jaar)
);

CREATE TABLE programma (
    levering_id      bigint   NOT NULL REFERENCES levering (id),
    rij              bigint   NOT NULL,
    programma_id     text     NOT NULL,
    naam             text     NOT NULL,
    aanbieder        text,
    gemeente         text     NOT NULL REFERENCES gemeente (code),
    jaar             integer  NOT NULL,
    doelgroep        text     NOT NULL CHECK (doelgroep IN ('jeugdigen', 'ouders', 'beide')),
    leeftijd_van     smallint NOT NULL,
    leeftijd_tot     smallint NOT NULL,
    thema_primair    text     NOT NULL REFERENCES thema (code),
    themas_secundair text[]   NOT NULL DEFAULT '{}',
    erkenning        text     NOT NULL REFERENCES erkenning (code),
    preventietype    text     CHECK (preventietype IN ('universeel', 'selectief', 'geindiceerd')),
    deelnemers       integer  NOT NULL,
    budget_eur       numeric,
    startdatum       date,
    einddatum        date,
    PRIMARY KEY (levering_id, programma_id)
);

CREATE INDEX programma_gemeente_jaar ON programma (gemeente, jaar, programma_id);

-- Measurements: tens of millions of rows, partitioned by year (a partition per year is created by
-- the loader when a year first appears). The participant is stored only as HMAC-SHA-256.
CREATE TABLE meting (
    levering_id    bigint   NOT NULL,
    rij            bigint   NOT NULL,
    gemeente       text     NOT NULL,
    jaar           integer  NOT NULL,
    programma_id   text     NOT NULL,
    deelnemer_hash bytea    NOT NULL,
    moment         text     NOT NULL CHECK (moment IN ('T0', 'T1', 'T2')),
    datum          date     NOT NULL,
    leeftijd       smallint NOT NULL,
    instrument     text     NOT NULL,
    score          numeric  NOT NULL
) PARTITION BY RANGE (jaar);

CREATE INDEX meting_levering ON meting (levering_id);
CREATE INDEX meting_programma ON meting (gemeente, jaar, programma_id, instrument);

COMMENT ON COLUMN meting.deelnemer_hash IS 'HMAC-SHA-256 van het deelnemer-id met de geheime sleutel van deze installatie; nooit het id zelf.';

CREATE TABLE bevolking (
    levering_id bigint   NOT NULL REFERENCES levering (id),
    rij         bigint   NOT NULL,
    gemeente    text     NOT NULL REFERENCES gemeente (code),
    jaar        integer  NOT NULL,
    leeftijd    smallint NOT NULL CHECK (leeftijd BETWEEN 0 AND 23),
    aantal      integer  NOT NULL CHECK (aantal >= 0),
    PRIMARY KEY (levering_id, gemeente, jaar, leeftijd)
);

-- Conditional-GET state of HTTP sources (ETag / Last-Modified of the last answer).
CREATE TABLE bron_status (
    bron           text PRIMARY KEY,
    etag           text,
    last_modified  text,
    laatst_gehaald timestamptz
);

-- The current data: rows of the delivery that is current for their dataset, municipality and year.
CREATE VIEW actueel_programma AS
SELECT p.*
FROM programma p
JOIN actuele_levering a
  ON a.dataset = 'programmas' AND a.levering_id = p.levering_id AND a.gemeente = p.gemeente AND a.jaar = p.jaar;

CREATE VIEW actuele_meting AS
SELECT m.*
FROM meting m
JOIN actuele_levering a
  ON a.dataset = 'metingen' AND a.levering_id = m.levering_id AND a.gemeente = m.gemeente AND a.jaar = m.jaar;

CREATE VIEW actuele_bevolking AS
SELECT b.*
FROM bevolking b
JOIN actuele_levering a
  ON a.dataset = 'bevolking' AND a.levering_id = b.levering_id AND a.gemeente = b.gemeente AND a.jaar = b.jaar;

COMMENT ON VIEW actueel_programma IS 'Programma''s uit de actuele (niet vervangen) inventaris per gemeente en jaar.';
COMMENT ON VIEW actuele_meting IS 'Metingen uit de actuele levering per gemeente en jaar.';
COMMENT ON VIEW actuele_bevolking IS 'Bevolkingsaantallen uit de actuele levering per gemeente en jaar.';
