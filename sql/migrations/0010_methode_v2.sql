-- Method v2 (methode-v2 §8–§10): durability per programme × instrument, per programme × theme and per
-- municipality/REGIO × theme, and the T0 → T1 effect per target group. Filled only by runs whose
-- methode_versie is 'v2'; a 'v1' run has no rows here. Values are unrounded (rounding is output only,
-- methode-v1 §7). Immutable like every other score_run table.

-- §8.1 Per programme × instrument with at least one triple (T0, T1 and T2 of one participant).
CREATE TABLE score_duurzaamheid_effect (
    score_run_id        bigint  NOT NULL REFERENCES score_run (id),
    gemeente            text    NOT NULL,
    programma_id        text    NOT NULL,
    thema               text    NOT NULL,
    instrument          text    NOT NULL,
    tripels             integer NOT NULL,
    gemiddeld_t1        double precision,
    sd_t1               double precision,
    gemiddeld_t2        double precision,
    sd_t2               double precision,
    gemiddeld_terugval  double precision,
    sd_terugval         double precision,
    g_t1                double precision,
    g_t1_se             double precision,
    g_t1_ci_laag        double precision,
    g_t1_ci_hoog        double precision,
    g_t2                double precision,
    g_t2_se             double precision,
    g_t2_ci_laag        double precision,
    g_t2_ci_hoog        double precision,
    g_terugval          double precision,
    g_terugval_se       double precision,
    g_terugval_ci_laag  double precision,
    g_terugval_ci_hoog  double precision,
    behoud_pct          double precision,
    follow_up_dagen     double precision,
    reden               text,
    PRIMARY KEY (score_run_id, gemeente, programma_id, instrument)
);

-- §8.2 Per programme × theme it is scored on.
CREATE TABLE score_duurzaamheid_programma_thema (
    score_run_id        bigint  NOT NULL REFERENCES score_run (id),
    gemeente            text    NOT NULL,
    programma_id        text    NOT NULL,
    thema               text    NOT NULL,
    tripels             integer NOT NULL,
    g_t2                double precision,
    g_t2_se             double precision,
    g_t2_ci_laag        double precision,
    g_t2_ci_hoog        double precision,
    g_terugval          double precision,
    g_terugval_se       double precision,
    g_terugval_ci_laag  double precision,
    g_terugval_ci_hoog  double precision,
    label               text    NOT NULL,
    PRIMARY KEY (score_run_id, gemeente, programma_id, thema)
);

-- §8.3 Per municipality and REGIO × theme.
CREATE TABLE score_duurzaamheid_gemeente_thema (
    score_run_id          bigint  NOT NULL REFERENCES score_run (id),
    gemeente              text    NOT NULL,
    thema                 text    NOT NULL,
    programmas_follow_up  integer NOT NULL,
    tripels               integer NOT NULL,
    k_t2                  integer NOT NULL,
    g_t2                  double precision,
    g_t2_se               double precision,
    g_t2_ci_laag          double precision,
    g_t2_ci_hoog          double precision,
    tau2_t2               double precision,
    k_terugval            integer NOT NULL,
    g_terugval            double precision,
    g_terugval_se         double precision,
    g_terugval_ci_laag    double precision,
    g_terugval_ci_hoog    double precision,
    tau2_terugval         double precision,
    PRIMARY KEY (score_run_id, gemeente, thema)
);

-- §9 Per area (municipality and REGIO) × theme × dimension × group.
CREATE TABLE score_effect_doelgroep (
    score_run_id  bigint  NOT NULL REFERENCES score_run (id),
    gemeente      text    NOT NULL,
    thema         text    NOT NULL,
    dimensie      text    NOT NULL,
    groep         text    NOT NULL,
    programmas    integer NOT NULL,
    paren         integer NOT NULL,
    k             integer NOT NULL,
    effect_g      double precision,
    effect_se     double precision,
    ci_laag       double precision,
    ci_hoog       double precision,
    tau2          double precision,
    q_tussen      double precision,
    df            integer,
    p_verschil    double precision,
    PRIMARY KEY (score_run_id, gemeente, thema, dimensie, groep)
);

CREATE TRIGGER score_duurzaamheid_effect_onveranderlijk BEFORE UPDATE OR DELETE ON score_duurzaamheid_effect
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();
CREATE TRIGGER score_duurzaamheid_programma_thema_onveranderlijk BEFORE UPDATE OR DELETE ON score_duurzaamheid_programma_thema
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();
CREATE TRIGGER score_duurzaamheid_gemeente_thema_onveranderlijk BEFORE UPDATE OR DELETE ON score_duurzaamheid_gemeente_thema
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();
CREATE TRIGGER score_effect_doelgroep_onveranderlijk BEFORE UPDATE OR DELETE ON score_effect_doelgroep
    FOR EACH ROW EXECUTE FUNCTION score_run_onveranderlijk();

COMMENT ON TABLE score_duurzaamheid_effect IS 'Duurzaamheid per programma × instrument (methode-v2 §8.1); alleen v2-runs.';
COMMENT ON TABLE score_duurzaamheid_programma_thema IS 'Duurzaamheid per programma × thema met label (methode-v2 §8.2).';
COMMENT ON TABLE score_duurzaamheid_gemeente_thema IS 'Duurzaamheid per gemeente en regio × thema (methode-v2 §8.3).';
COMMENT ON TABLE score_effect_doelgroep IS 'Effect T0 → T1 per doelgroep (methode-v2 §9), met de toets op verschil tussen groepen.';
