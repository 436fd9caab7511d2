-- Publications (tussenrapportage datasets, publicatie.md): one publication is the set of files made
-- from one score run, kept byte for byte. Immutable once written: only the status moves forward
-- (concept → in_review → vrijgegeven; vrijgegeven is final), nothing is ever deleted.

CREATE TABLE publicatie (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label           text        NOT NULL UNIQUE CHECK (label ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    jaar            integer     NOT NULL,
    score_run_id    bigint      NOT NULL REFERENCES score_run (id),
    status          text        NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'in_review', 'vrijgegeven')),
    aangemaakt_op   timestamptz NOT NULL,
    aangemaakt_door text        NOT NULL,
    vrijgegeven_op  timestamptz
);

CREATE TABLE publicatie_bestand (
    publicatie_id bigint  NOT NULL REFERENCES publicatie (id),
    naam          text    NOT NULL,
    grootte       bigint  NOT NULL,
    sha256        text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    inhoud        bytea   NOT NULL,
    PRIMARY KEY (publicatie_id, naam)
);

CREATE FUNCTION publicatie_bewaken() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'publicaties worden niet verwijderd (publicatie %)', OLD.id;
    END IF;
    IF (NEW.label, NEW.jaar, NEW.score_run_id, NEW.aangemaakt_op, NEW.aangemaakt_door)
       IS DISTINCT FROM (OLD.label, OLD.jaar, OLD.score_run_id, OLD.aangemaakt_op, OLD.aangemaakt_door) THEN
        RAISE EXCEPTION 'publicatie % is onveranderlijk: alleen de status kan veranderen', OLD.id;
    END IF;
    IF OLD.status = 'vrijgegeven' AND NEW.status IS DISTINCT FROM OLD.status THEN
        RAISE EXCEPTION 'publicatie % is vrijgegeven; dat is definitief', OLD.id;
    END IF;
    IF OLD.status = 'in_review' AND NEW.status = 'concept' THEN
        RAISE EXCEPTION 'publicatie % is in review en kan niet terug naar concept', OLD.id;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER publicatie_bewaken BEFORE UPDATE OR DELETE ON publicatie
    FOR EACH ROW EXECUTE FUNCTION publicatie_bewaken();

CREATE FUNCTION publicatie_bestand_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'publicatiebestanden zijn onveranderlijk: % op % is niet toegestaan', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER publicatie_bestand_onveranderlijk BEFORE UPDATE OR DELETE ON publicatie_bestand
    FOR EACH ROW EXECUTE FUNCTION publicatie_bestand_onveranderlijk();

COMMENT ON TABLE publicatie IS 'Een tussenrapportage: bestanden uit één score run; alleen de status verandert nog.';
COMMENT ON TABLE publicatie_bestand IS 'De bestanden van een publicatie, byte voor byte, met SHA-256.';
