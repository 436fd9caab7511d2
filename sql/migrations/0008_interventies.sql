-- National best practices (aanleverformaat §2.4, methode-v1 §5a): the bureau's list of recognised
-- interventions, delivered like any dataset; each delivery is the complete list and replaces the
-- previous one. Matches and suggestions are part of a score run.

CREATE TABLE interventie (
    levering_id      bigint   NOT NULL REFERENCES levering (id),
    rij              bigint   NOT NULL,
    interventie_id   text     NOT NULL,
    naam             text     NOT NULL,
    databank         text     NOT NULL CHECK (databank IN ('nji', 'movisie', 'rivm', 'trimbos', 'overig')),
    erkenning        text     NOT NULL REFERENCES erkenning (code),
    doelgroep        text     NOT NULL CHECK (doelgroep IN ('jeugdigen', 'ouders', 'beide')),
    leeftijd_van     smallint NOT NULL CHECK (leeftijd_van BETWEEN 0 AND 23),
    leeftijd_tot     smallint NOT NULL CHECK (leeftijd_tot BETWEEN 0 AND 23),
    thema_primair    text     NOT NULL REFERENCES thema (code),
    themas_secundair text[]   NOT NULL DEFAULT '{}',
    url              text,
    peildatum        date     NOT NULL,
    PRIMARY KEY (levering_id, interventie_id)
);

-- The list in use: the latest accepted delivery of the national list (it replaces the previous one entirely).
CREATE TABLE actuele_interventielijst (
    id          smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    levering_id bigint   NOT NULL REFERENCES levering (id)
);

CREATE VIEW actuele_interventie AS
SELECT i.* FROM interventie i JOIN actuele_interventielijst a ON a.levering_id = i.levering_id;

COMMENT ON VIEW actuele_interventie IS 'De landelijke lijst van erkende interventies die nu geldt (laatste geaccepteerde levering).';

-- Programme matched to a national intervention (methode-v1 §5a), per score run.
CREATE TABLE score_interventie_match (
    score_run_id        bigint  NOT NULL REFERENCES score_run (id),
    gemeente            text    NOT NULL,
    programma_id        text    NOT NULL,
    interventie_id      text    NOT NULL,
    interventie_naam    text    NOT NULL,
    databank            text    NOT NULL,
    match               text    NOT NULL CHECK (match IN ('exact', 'naam_bevat')),
    erkenning_lokaal    text    NOT NULL,
    erkenning_landelijk text    NOT NULL,
    afwijking           boolean NOT NULL,
    PRIMARY KEY (score_run_id, gemeente, programma_id)
);

-- Gap × recognised intervention that could fill it (methode-v1 §5a), per score run.
CREATE TABLE score_suggestie (
    score_run_id     bigint NOT NULL REFERENCES score_run (id),
    gemeente         text   NOT NULL,
    thema            text   NOT NULL,
    leeftijdsgroep   text   NOT NULL,
    status           text   NOT NULL,
    interventie_id   text   NOT NULL,
    interventie_naam text   NOT NULL,
    databank         text   NOT NULL,
    erkenning        text   NOT NULL,
    url              text,
    PRIMARY KEY (score_run_id, gemeente, thema, leeftijdsgroep, interventie_id)
);

CREATE TRIGGER score_interventie_match_onveranderlijk BEFORE UPDATE OR DELETE ON score_interventie_match
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();
CREATE TRIGGER score_suggestie_onveranderlijk BEFORE UPDATE OR DELETE ON score_suggestie
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();
