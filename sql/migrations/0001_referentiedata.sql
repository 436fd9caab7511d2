-- Reference data of the delivery contract (aanleverformaat.md §1), contract version 1.
-- These tables are the single source of the codes; the program loads them, it does not hard-code them.
-- `volgorde` is the order in which the contract lists them; publications sort by it.

CREATE TABLE regio (
    code text PRIMARY KEY,
    naam text NOT NULL
);

CREATE TABLE gemeente (
    code      text PRIMARY KEY CHECK (code ~ '^GM[0-9]{4}$'),
    naam      text NOT NULL,
    regio     text NOT NULL REFERENCES regio (code),
    volgorde  integer NOT NULL UNIQUE
);

CREATE TABLE thema (
    code     text PRIMARY KEY,
    naam     text NOT NULL,
    volgorde integer NOT NULL UNIQUE
);

CREATE TABLE leeftijdsgroep (
    code     text PRIMARY KEY,
    van      integer NOT NULL CHECK (van BETWEEN 0 AND 23),
    tot      integer NOT NULL CHECK (tot BETWEEN 0 AND 23),
    volgorde integer NOT NULL UNIQUE,
    CHECK (tot >= van)
);

-- Recognition levels, ordered low (rang 1) to high.
CREATE TABLE erkenning (
    code  text PRIMARY KEY,
    label text NOT NULL UNIQUE,
    rang  integer NOT NULL UNIQUE
);

CREATE TABLE instrument (
    code     text PRIMARY KEY,
    naam     text NOT NULL,
    thema    text NOT NULL REFERENCES thema (code),
    richting text NOT NULL CHECK (richting IN ('hoger_beter', 'lager_beter')),
    min      numeric NOT NULL,
    max      numeric NOT NULL,
    volgorde integer NOT NULL UNIQUE,
    CHECK (max > min)
);

COMMENT ON TABLE gemeente IS 'Gemeenten met CBS-code (aanleverformaat §1).';
COMMENT ON TABLE thema IS 'De vijf thema''s (aanleverformaat §1).';
COMMENT ON TABLE leeftijdsgroep IS 'Leeftijdsgroepen van de jeugdigen, grenzen inclusief (aanleverformaat §1).';
COMMENT ON TABLE erkenning IS 'Erkenningsniveaus, geordend van laag (rang 1) naar hoog (aanleverformaat §1).';
COMMENT ON TABLE instrument IS 'Instrumentencatalogus: code, thema, richting en geldig scorebereik (aanleverformaat §1).';

INSERT INTO regio (code, naam) VALUES ('REGIO', 'Maastricht-Heuvelland');

INSERT INTO gemeente (code, naam, regio, volgorde) VALUES
    ('GM1903', 'Eijsden-Margraten',      'REGIO', 1),
    ('GM1729', 'Gulpen-Wittem',          'REGIO', 2),
    ('GM0935', 'Maastricht',             'REGIO', 3),
    ('GM0938', 'Meerssen',               'REGIO', 4),
    ('GM0981', 'Vaals',                  'REGIO', 5),
    ('GM0994', 'Valkenburg aan de Geul', 'REGIO', 6);

INSERT INTO thema (code, naam, volgorde) VALUES
    ('weerbaarheid',        'Versterken weerbaarheid',       1),
    ('sociale_aansluiting', 'Vergroten sociale aansluiting', 2),
    ('zelfstandigheid',     'Vergroten zelfstandigheid',     3),
    ('veiligheid',          'Vergroten veiligheid',          4),
    ('opvoedvaardigheden',  'Verbeteren opvoedvaardigheden', 5);

INSERT INTO leeftijdsgroep (code, van, tot, volgorde) VALUES
    ('0-3',    0,  3, 1),
    ('4-11',   4, 11, 2),
    ('12-17', 12, 17, 3),
    ('18-23', 18, 23, 4);

INSERT INTO erkenning (code, label, rang) VALUES
    ('niet_beoordeeld',  'Niet beoordeeld',                       1),
    ('goed_beschreven',  'Goed beschreven',                       2),
    ('goed_onderbouwd',  'Goed onderbouwd',                       3),
    ('effectief_eerste', 'Effectief volgens eerste aanwijzingen', 4),
    ('effectief_goede',  'Effectief volgens goede aanwijzingen',  5),
    ('effectief_sterke', 'Effectief volgens sterke aanwijzingen', 6);

INSERT INTO instrument (code, naam, thema, richting, min, max, volgorde) VALUES
    ('SDQ_EMOTIE',          'SDQ, subschaal emotionele problemen',                      'weerbaarheid',        'lager_beter',  0,  10, 1),
    ('RSES',                'Rosenberg zelfwaardering (10 items, 0–3)',                 'weerbaarheid',        'hoger_beter',  0,  30, 2),
    ('SDQ_LEEFTIJDGENOTEN', 'SDQ, subschaal problemen met leeftijdgenoten',             'sociale_aansluiting', 'lager_beter',  0,  10, 3),
    ('SDQ_PROSOCIAAL',      'SDQ, subschaal prosociaal gedrag',                         'sociale_aansluiting', 'hoger_beter',  0,  10, 4),
    ('ZRM_GEMIDDELD',       'Zelfredzaamheid-Matrix, gemiddelde over domeinen',         'zelfstandigheid',     'hoger_beter',  1,   5, 5),
    ('VEILIGHEID_BELEVING', 'Ervaren veiligheid thuis/school/buurt (rapportcijfer)',    'veiligheid',          'hoger_beter',  1,  10, 6),
    ('OBVL_TOTAAL',         'Opvoedingsbelastingvragenlijst, totaal (34 items, 1–4)',   'opvoedvaardigheden',  'lager_beter', 34, 136, 7),
    ('NOSIK_TOTAAL',        'Nijmeegse Ouderlijke Stress Index – Kort (25 items, 1–6)', 'opvoedvaardigheden',  'lager_beter', 25, 150, 8);
