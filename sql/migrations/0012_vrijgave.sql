-- The release flow of a publication, enforced here (issue 16 item 3): concept → in_review →
-- vrijgegeven, and in_review → concept (withdrawn, with a reason). Every step is a row in
-- publicatie_statuswijziging (who, when, why); inserting that row is the only way to change a status:
-- its trigger checks the step and then moves publicatie.status, and the trigger on publicatie refuses a
-- status change that has no matching row. Four eyes: whoever moved a publication to review cannot
-- release it. Replaces the status rules of publicatie_bewaken (0005).

CREATE TABLE publicatie_statuswijziging (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    publicatie_id bigint      NOT NULL REFERENCES publicatie (id),
    van           text        CHECK (van IN ('concept', 'in_review', 'vrijgegeven')),  -- NULL: aangemaakt
    naar          text        NOT NULL CHECK (naar IN ('concept', 'in_review', 'vrijgegeven')),
    door          text        NOT NULL CHECK (btrim(door) <> ''),
    op            timestamptz NOT NULL DEFAULT now(),
    reden         text,
    CHECK (van IS DISTINCT FROM 'in_review' OR naar <> 'concept' OR btrim(coalesce(reden, '')) <> '')
);

CREATE INDEX publicatie_statuswijziging_publicatie ON publicatie_statuswijziging (publicatie_id, id);

-- What existed before this migration: the creation, and the steps as far as the status shows them
-- (who took them was not recorded).
INSERT INTO publicatie_statuswijziging (publicatie_id, van, naar, door, op)
SELECT id, NULL, 'concept', aangemaakt_door, aangemaakt_op FROM publicatie ORDER BY id;
INSERT INTO publicatie_statuswijziging (publicatie_id, van, naar, door, op, reden)
SELECT id, 'concept', 'in_review', 'onbekend', aangemaakt_op, 'vastgelegd vóór migratie 0012'
FROM publicatie WHERE status IN ('in_review', 'vrijgegeven') ORDER BY id;
INSERT INTO publicatie_statuswijziging (publicatie_id, van, naar, door, op, reden)
SELECT id, 'in_review', 'vrijgegeven', 'onbekend', coalesce(vrijgegeven_op, aangemaakt_op), 'vastgelegd vóór migratie 0012'
FROM publicatie WHERE status = 'vrijgegeven' ORDER BY id;

-- A step: checked against the current status (locked), then carried out.
CREATE FUNCTION publicatie_statuswijziging_toepassen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    huidig   text;
    indiener text;
    melding  text;
BEGIN
    SELECT status INTO huidig FROM publicatie WHERE id = NEW.publicatie_id FOR UPDATE;
    IF NEW.van IS NULL THEN
        IF NEW.naar <> 'concept' OR EXISTS (SELECT 1 FROM publicatie_statuswijziging WHERE publicatie_id = NEW.publicatie_id) THEN
            RAISE EXCEPTION 'Een publicatie begint als concept.' USING ERRCODE = 'PMV01';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.van IS DISTINCT FROM huidig THEN
        RAISE EXCEPTION 'De status van publicatie % is intussen veranderd (nu: %); bekijk de pagina opnieuw.', NEW.publicatie_id, huidig
            USING ERRCODE = 'PMV01';
    END IF;
    IF (NEW.van, NEW.naar) NOT IN (('concept', 'in_review'), ('in_review', 'vrijgegeven'), ('in_review', 'concept')) THEN
        IF NEW.van = 'vrijgegeven' THEN
            melding := format('Publicatie %s is vrijgegeven; dat is definitief.', NEW.publicatie_id);
        ELSIF NEW.naar = 'vrijgegeven' THEN
            melding := format('Publicatie %s is nog niet in review: vrijgeven kan alleen na de review door het panel.', NEW.publicatie_id);
        ELSE
            melding := format('Publicatie %s kan niet van %s naar %s.', NEW.publicatie_id, NEW.van, NEW.naar);
        END IF;
        RAISE EXCEPTION '%', melding USING ERRCODE = 'PMV01';
    END IF;
    IF NEW.naar = 'vrijgegeven' THEN
        SELECT door INTO indiener FROM publicatie_statuswijziging
        WHERE publicatie_id = NEW.publicatie_id AND naar = 'in_review' ORDER BY id DESC LIMIT 1;
        IF indiener = NEW.door THEN
            RAISE EXCEPTION 'Vier ogen: % zette publicatie % naar review en mag haar niet zelf vrijgeven; een ander moet vrijgeven.', NEW.door, NEW.publicatie_id
                USING ERRCODE = 'PMV01';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION publicatie_statuswijziging_uitvoeren() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.van IS NOT NULL THEN
        UPDATE publicatie
        SET status = NEW.naar, vrijgegeven_op = CASE WHEN NEW.naar = 'vrijgegeven' THEN NEW.op ELSE vrijgegeven_op END
        WHERE id = NEW.publicatie_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER publicatie_statuswijziging_toepassen BEFORE INSERT ON publicatie_statuswijziging
    FOR EACH ROW EXECUTE FUNCTION publicatie_statuswijziging_toepassen();
CREATE TRIGGER publicatie_statuswijziging_uitvoeren AFTER INSERT ON publicatie_statuswijziging
    FOR EACH ROW EXECUTE FUNCTION publicatie_statuswijziging_uitvoeren();

CREATE FUNCTION publicatie_statuswijziging_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'de statusgeschiedenis van publicaties is onveranderlijk: % is niet toegestaan', TG_OP;
END
$$;

CREATE TRIGGER publicatie_statuswijziging_onveranderlijk BEFORE UPDATE OR DELETE ON publicatie_statuswijziging
    FOR EACH ROW EXECUTE FUNCTION publicatie_statuswijziging_onveranderlijk();

-- publicatie itself: immutable apart from the status, which only moves by a recorded step.
CREATE OR REPLACE FUNCTION publicatie_bewaken() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stap        record;
    vrijgegeven timestamptz;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'publicaties worden niet verwijderd (publicatie %)', OLD.id;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'concept' OR NEW.vrijgegeven_op IS NOT NULL THEN
            RAISE EXCEPTION 'Een publicatie begint als concept.' USING ERRCODE = 'PMV01';
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.label, NEW.jaar, NEW.score_run_id, NEW.aangemaakt_op, NEW.aangemaakt_door)
       IS DISTINCT FROM (OLD.label, OLD.jaar, OLD.score_run_id, OLD.aangemaakt_op, OLD.aangemaakt_door) THEN
        RAISE EXCEPTION 'publicatie % is onveranderlijk: alleen de status kan veranderen', OLD.id;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status OR NEW.vrijgegeven_op IS DISTINCT FROM OLD.vrijgegeven_op THEN
        SELECT van, naar, op INTO stap FROM publicatie_statuswijziging WHERE publicatie_id = OLD.id ORDER BY id DESC LIMIT 1;
        vrijgegeven := (CASE WHEN NEW.status = 'vrijgegeven' THEN stap.op ELSE OLD.vrijgegeven_op END);
        IF stap.van IS DISTINCT FROM OLD.status OR stap.naar IS DISTINCT FROM NEW.status OR NEW.vrijgegeven_op IS DISTINCT FROM vrijgegeven THEN
            RAISE EXCEPTION 'De status van publicatie % verandert alleen via een vastgelegde stap (publicatie_statuswijziging): concept → in_review → vrijgegeven.', OLD.id
                USING ERRCODE = 'PMV01';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER publicatie_bewaken ON publicatie;
CREATE TRIGGER publicatie_bewaken BEFORE INSERT OR UPDATE OR DELETE ON publicatie
    FOR EACH ROW EXECUTE FUNCTION publicatie_bewaken();

-- The creation is the first step of every publication.
CREATE FUNCTION publicatie_aangemaakt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO publicatie_statuswijziging (publicatie_id, van, naar, door, op) VALUES (NEW.id, NULL, 'concept', NEW.aangemaakt_door, NEW.aangemaakt_op);
    RETURN NULL;
END
$$;

CREATE TRIGGER publicatie_aangemaakt AFTER INSERT ON publicatie
    FOR EACH ROW EXECUTE FUNCTION publicatie_aangemaakt();

COMMENT ON TABLE publicatie_statuswijziging IS 'Elke stap van een publicatie (aangemaakt, naar review, vrijgegeven, teruggetrokken): wie, wanneer, waarom. De enige weg om een status te veranderen.';
