-- Disclosure control v2 (onthulling-v2 §3): the audit of every publication, stored with it for
-- researchers and never published. One summary row per publication and one row per emptied cell:
-- primary or secondary, its true value, the final range [laag, hoog] a reader can still derive and
-- the baseline [basis_laag, basis_hoog] the markers alone allow. Immutable like the publication.

CREATE TABLE publicatie_onthulling (
    publicatie_id bigint  PRIMARY KEY REFERENCES publicatie (id),
    k_min         integer NOT NULL CHECK (k_min >= 1),
    primair       integer NOT NULL CHECK (primair >= 0),
    secundair     integer NOT NULL CHECK (secundair >= 0),
    geslaagd      boolean NOT NULL,
    duur_ms       bigint  NOT NULL CHECK (duur_ms >= 0)
);

CREATE TABLE publicatie_onthulling_cel (
    publicatie_id bigint           NOT NULL REFERENCES publicatie_onthulling (publicatie_id),
    tabel         text             NOT NULL,
    rij           text             NOT NULL,
    kolom         text             NOT NULL,
    reden         text             NOT NULL CHECK (reden IN ('primair', 'secundair')),
    waarde        double precision NOT NULL,
    laag          double precision NOT NULL,
    hoog          double precision NOT NULL,
    basis_laag    double precision NOT NULL,
    basis_hoog    double precision NOT NULL,
    geslaagd      boolean          NOT NULL,
    PRIMARY KEY (publicatie_id, tabel, rij, kolom)
);

CREATE TRIGGER publicatie_onthulling_onveranderlijk BEFORE UPDATE OR DELETE ON publicatie_onthulling
    FOR EACH ROW EXECUTE FUNCTION publicatie_bestand_onveranderlijk();

CREATE TRIGGER publicatie_onthulling_cel_onveranderlijk BEFORE UPDATE OR DELETE ON publicatie_onthulling_cel
    FOR EACH ROW EXECUTE FUNCTION publicatie_bestand_onveranderlijk();

COMMENT ON TABLE publicatie_onthulling IS 'Controle op kleine aantallen per publicatie (k_min, primair, secundair, geslaagd); intern, nooit gepubliceerd.';
COMMENT ON TABLE publicatie_onthulling_cel IS 'Per leeggemaakte cel: primair of secundair, waarde, bereik dat een lezer nog afleidt en het basisbereik; intern.';
