-- Comments of panel members and researchers on a publication in review or released (review site).

CREATE TABLE opmerking (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    publicatie_id bigint      NOT NULL REFERENCES publicatie (id),
    auteur        text        NOT NULL,
    tekst         text        NOT NULL CHECK (length(tekst) BETWEEN 1 AND 4000),
    geplaatst_op  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX opmerking_publicatie ON opmerking (publicatie_id, geplaatst_op);

COMMENT ON TABLE opmerking IS 'Opmerkingen van panelleden en onderzoekers bij een publicatie (met auteur en tijd).';
