-- Rollups as of a day, made to agree with the present-time rollup of that day:
-- * a unit's history counts as of D where `path_now` counted it on D (domain
--   Succession.path_on): a merged or split unit's at its successor's, a dissolved one's
--   through its last parent. Before, a unit's facts left every rollup as of a day after its
--   merger or dissolution, so "as of today" answered less than "now";
-- * a unit's own plan facts are no longer repeated in rollup_counters_dated at its own node:
--   they are its rollup_leaf_dated rows, which the as-of read adds for the node and its
--   children (as 0007 did for the present-time counters). Nearly every dated counter row
--   was such a copy (measured: 487,302 of 487,830 rows at 10,000 grassroots units), and
--   writing them cost the rollup projection as much time as all its other counters;
-- * rollup_leaf_dated keeps one row per unit, plan and day with its figures as one JSON
--   object (metric -> value) instead of one row per metric: a sixth of the rows (466,670
--   -> 70,600), and an upsert costs about the same per row whatever its width.
DROP TABLE rollup_leaf_dated;
CREATE TABLE rollup_leaf_dated (
    tenant_id  text NOT NULL,
    unit_id    uuid NOT NULL,
    plan_id    uuid NOT NULL,
    day        date NOT NULL,
    figures    jsonb NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, plan_id, day)
);
SELECT thidua_secure_read_model('rollup_leaf_dated', true);

-- Two figures objects added key by key (the upsert of a unit's facts on a day it had some).
CREATE FUNCTION thidua_add_figures(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT jsonb_object_agg(key, total) FROM (
        SELECT key, sum(value::bigint) AS total
          FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) f GROUP BY key) s
$$;

-- Only a replay of the logs fills the counters on the new spans: empty the rollup's tables
-- and its checkpoints; the runner projects every tenant again from position 0.
TRUNCATE rollup_units, rollup_leaf, rollup_counters, rollup_registrations, rollup_nominations,
         rollup_counters_dated, rollup_plans;
DELETE FROM projection_checkpoints WHERE projection = 'rollups';
