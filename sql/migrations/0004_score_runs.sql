-- Score runs (methode-v1): one run scores one year with one method version and one set of
-- parameters, on the exact deliveries listed in score_run_levering. Runs are immutable: a new run
-- never changes an old one (triggers refuse UPDATE and DELETE).

CREATE TABLE score_run (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jaar           integer     NOT NULL,
    methode_versie text        NOT NULL,
    parameters     jsonb       NOT NULL,
    gestart_op     timestamptz NOT NULL,
    klaar_op       timestamptz NOT NULL,
    gestart_door   text        NOT NULL
);

CREATE TABLE score_run_levering (
    score_run_id bigint NOT NULL REFERENCES score_run (id),
    levering_id  bigint NOT NULL REFERENCES levering (id),
    PRIMARY KEY (score_run_id, levering_id)
);

-- Effect per programme and instrument (methode-v1 §1). Statistics NULL per the reason.
CREATE TABLE score_effect (
    score_run_id       bigint  NOT NULL REFERENCES score_run (id),
    gemeente           text    NOT NULL,
    programma_id       text    NOT NULL,
    thema              text    NOT NULL,
    instrument         text    NOT NULL,
    paren              integer NOT NULL,
    gemiddeld_verschil double precision,
    sd_verschil        double precision,
    d_z                double precision,
    j                  double precision,
    g                  double precision,
    var_g              double precision,
    se                 double precision,
    ci_laag            double precision,
    ci_hoog            double precision,
    reden              text,
    PRIMARY KEY (score_run_id, gemeente, programma_id, instrument)
);

-- Programme score per theme it is scored on (methode-v1 §2–§3).
CREATE TABLE score_programma_thema (
    score_run_id   bigint           NOT NULL REFERENCES score_run (id),
    gemeente       text             NOT NULL,
    programma_id   text             NOT NULL,
    thema          text             NOT NULL,
    relevantie     double precision NOT NULL,
    erkenning      text             NOT NULL,
    evidentie      double precision NOT NULL,
    effect_g       double precision,
    effect_se      double precision,
    effect_ci_laag double precision,
    effect_ci_hoog double precision,
    observed_o     double precision,
    paren          integer          NOT NULL,
    deelnemers     integer          NOT NULL,
    score          double precision NOT NULL,
    label          text             NOT NULL,
    PRIMARY KEY (score_run_id, gemeente, programma_id, thema)
);

-- Municipality (and REGIO) per theme (methode-v1 §4).
CREATE TABLE score_gemeente_thema (
    score_run_id   bigint  NOT NULL REFERENCES score_run (id),
    gemeente       text    NOT NULL,
    thema          text    NOT NULL,
    programmas     integer NOT NULL,
    deelnemers     bigint  NOT NULL,
    score          double precision,
    effect_g       double precision,
    effect_se      double precision,
    effect_ci_laag double precision,
    effect_ci_hoog double precision,
    k              integer NOT NULL,
    tau2           double precision,
    q              double precision,
    paren          integer NOT NULL,
    bevolking_0_23 bigint,
    bereik_pct     double precision,
    PRIMARY KEY (score_run_id, gemeente, thema)
);

-- Gaps (witte vlekken) per municipality (and REGIO) × theme × age band (methode-v1 §5).
CREATE TABLE score_witte_vlek (
    score_run_id    bigint  NOT NULL REFERENCES score_run (id),
    gemeente        text    NOT NULL,
    thema           text    NOT NULL,
    leeftijdsgroep  text    NOT NULL,
    programmas      integer NOT NULL,
    beste_erkenning text,
    effectief       integer NOT NULL,
    status          text    NOT NULL,
    PRIMARY KEY (score_run_id, gemeente, thema, leeftijdsgroep)
);

CREATE FUNCTION score_run_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'score runs zijn onveranderlijk: % op % is niet toegestaan; start een nieuwe run', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER score_run_onveranderlijk BEFORE UPDATE OR DELETE ON score_run
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();
CREATE TRIGGER score_run_levering_onveranderlijk BEFORE UPDATE OR DELETE ON score_run_levering
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();
CREATE TRIGGER score_effect_onveranderlijk BEFORE UPDATE OR DELETE ON score_effect
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();
CREATE TRIGGER score_programma_thema_onveranderlijk BEFORE UPDATE OR DELETE ON score_programma_thema
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();
CREATE TRIGGER score_gemeente_thema_onveranderlijk BEFORE UPDATE OR DELETE ON score_gemeente_thema
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();
CREATE TRIGGER score_witte_vlek_onveranderlijk BEFORE UPDATE OR DELETE ON score_witte_vlek
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();

COMMENT ON TABLE score_run IS 'Een scoreberekening (methode, parameters, jaar); onveranderlijk.';
COMMENT ON TABLE score_run_levering IS 'De precieze leveringen die een score run gebruikte.';
