-- Bounding box + time in one index. With the position alone, a 2°×2° box over a year of incidents fetched every
-- incident in the box from the table and only then dropped those outside the time window (about 98 % of them).
-- A multicolumn GiST over the position and both observation times checks the window inside the index, so only
-- matching rows are read (docs/benchmarks.md). btree_gist supplies the GiST operators for timestamptz; it is a
-- trusted extension (PostgreSQL 13+), so a database owner without superuser rights may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX incident_position_time ON incident USING gist (point(lon, lat), last_observed_at, first_observed_at);
-- Every query that used the position alone (the search, correlation candidates) is served by the new index.
DROP INDEX incident_position;
