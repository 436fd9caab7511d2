-- The site's deliveries list and operator page (issue 16): newest first, page by page, and the last
-- delivery per municipality × dataset and per source, each read from an index instead of a sort of
-- every delivery (a national year is tens of thousands of deliveries).
CREATE INDEX levering_ontvangen ON levering (ontvangen_op DESC, id DESC);
CREATE INDEX levering_laatste_per_gemeente ON levering (gemeente, dataset, ontvangen_op DESC, id DESC);
CREATE INDEX levering_laatste_per_bron ON levering (bron, ontvangen_op DESC, id DESC);
