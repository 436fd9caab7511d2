-- Supersede per (gemeente, jaar, moment) for metingen (aanleverformaat §6, method v2): follow-ups (T2)
-- arrive months later, so a later file with only T2 rows replaces the T2 rows of that year and keeps
-- the T0/T1 rows of the earlier delivery in use. The other datasets keep the rule per (gemeente, jaar).
--
-- actuele_levering gets the moment: for metingen one row per (gemeente, jaar, moment) that a delivery
-- in use has rows of; for every other dataset the moment is '' (one row per (gemeente, jaar), as
-- before). So several measurement deliveries can be in use for one (gemeente, jaar), each for its own
-- moments, and `SELECT levering_id FROM actuele_levering WHERE dataset = 'metingen' AND jaar = …`
-- still lists every measurement delivery in use that year. A delivery is `vervangen` when no row of
-- this table points to it any more.

ALTER TABLE actuele_levering ADD COLUMN moment text NOT NULL DEFAULT '';
ALTER TABLE actuele_levering DROP CONSTRAINT actuele_levering_pkey;

-- A measurement delivery in use for (gemeente, jaar) was in use for all its rows there: it is now in
-- use for each moment it has rows of in that (gemeente, jaar).
INSERT INTO actuele_levering (dataset, gemeente, jaar, moment, levering_id)
SELECT DISTINCT 'metingen', m.gemeente, m.jaar, m.moment, m.levering_id
FROM meting m
JOIN actuele_levering a
  ON a.dataset = 'metingen' AND a.moment = '' AND a.levering_id = m.levering_id AND a.gemeente = m.gemeente AND a.jaar = m.jaar;

DELETE FROM actuele_levering WHERE dataset = 'metingen' AND moment = '';

ALTER TABLE actuele_levering ADD PRIMARY KEY (dataset, gemeente, jaar, moment);
ALTER TABLE actuele_levering ADD CONSTRAINT actuele_levering_moment
    CHECK (CASE WHEN dataset = 'metingen' THEN moment IN ('T0', 'T1', 'T2') ELSE moment = '' END);

CREATE INDEX actuele_levering_levering ON actuele_levering (levering_id);

COMMENT ON COLUMN actuele_levering.moment IS 'Meetmoment (T0, T1, T2) bij metingen: metingen worden per gemeente, jaar en moment vervangen; leeg bij de andere datasets.';

-- Exactly the measurements in use: those of the delivery in use for their (gemeente, jaar, moment).
CREATE OR REPLACE VIEW actuele_meting AS
SELECT m.*
FROM meting m
JOIN actuele_levering a
  ON a.dataset = 'metingen' AND a.levering_id = m.levering_id AND a.gemeente = m.gemeente AND a.jaar = m.jaar
 AND a.moment = m.moment;

COMMENT ON VIEW actuele_meting IS 'Metingen uit de actuele levering per gemeente, jaar en meetmoment.';
