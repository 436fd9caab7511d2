-- Sessions that end on the server, and comments that can be tied to a table and handled (issue 16 item 7).
--
-- gebruiker.sessie_stempel: part of the stamp in every login cookie and checked on every request; a
-- logout gives the user a new one, so every cookie of that user (also a copied one) stops working.
-- opmerking: optionally about one table of the publication (the CSV name without .csv), and marked
-- "afgehandeld" by a researcher (who and when, both or neither).
-- opmerking_concept: the text of a comment whose session had expired when it was posted, kept for one
-- hour for the same user (the name in the expired, still authentic cookie) under a random key, and
-- put back into the form after the new login.

ALTER TABLE gebruiker ADD COLUMN sessie_stempel text NOT NULL DEFAULT gen_random_uuid()::text;

COMMENT ON COLUMN gebruiker.sessie_stempel IS 'Wijzigt bij uitloggen: alle inlogcookies van deze gebruiker vervallen dan.';

ALTER TABLE opmerking
    ADD COLUMN tabel            text        NULL CHECK (tabel ~ '^[a-z0-9_]{1,64}$'),
    ADD COLUMN afgehandeld_door text        NULL,
    ADD COLUMN afgehandeld_op   timestamptz NULL,
    ADD CONSTRAINT opmerking_afgehandeld_volledig CHECK ((afgehandeld_door IS NULL) = (afgehandeld_op IS NULL));

COMMENT ON COLUMN opmerking.tabel IS 'De tabel van de publicatie waar de opmerking over gaat (naam van het CSV-bestand zonder .csv), of leeg.';
COMMENT ON COLUMN opmerking.afgehandeld_door IS 'De onderzoeker die de opmerking als afgehandeld markeerde.';

CREATE TABLE opmerking_concept (
    sleutel       text        PRIMARY KEY CHECK (sleutel ~ '^[A-Za-z0-9_-]{22,64}$'),
    gebruiker     text        NOT NULL,
    publicatie_id bigint      NOT NULL REFERENCES publicatie (id),
    tabel         text        NULL CHECK (tabel ~ '^[a-z0-9_]{1,64}$'),
    tekst         text        NOT NULL CHECK (length(tekst) BETWEEN 1 AND 4000),
    verloopt_op   timestamptz NOT NULL
);

CREATE INDEX opmerking_concept_verloopt ON opmerking_concept (verloopt_op);

COMMENT ON TABLE opmerking_concept IS 'Opmerkingen die werden verstuurd toen de sessie verlopen was: een uur bewaard voor dezelfde gebruiker.';
