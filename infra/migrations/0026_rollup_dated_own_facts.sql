-- As of a day, a unit's own plan facts are no longer repeated in rollup_counters_dated at its
-- own node: they are its rollup_leaf_dated rows, which the as-of read adds for the node and
-- its children active on that day (as 0007 did for the present-time counters). Nearly every
-- dated counter row was a grassroots unit's copy of its dated leaf (measured: 487,302 of
-- 487,830 rows at 10,000 grassroots units), and writing them cost the rollup projection as
-- much time as all its other counters. Units in scope (the nil plan) have no dated leaf row
-- and stay counted at the unit's own node.

-- rollup_leaf_dated keeps one row per unit, plan and day with its figures as one JSON object
-- (metric -> value) instead of one row per metric: a fifth of the rows, and an upsert costs
-- about the same per row whatever its width (measured: 466,670 rows at 10,000 grassroots
-- units took 8.4 s of a 33 s catch-up).
CREATE TABLE rollup_leaf_dated_by_day (
    tenant_id  text NOT NULL,
    unit_id    uuid NOT NULL,
    plan_id    uuid NOT NULL,
    day        date NOT NULL,
    figures    jsonb NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, plan_id, day)
);
INSERT INTO rollup_leaf_dated_by_day
SELECT tenant_id, unit_id, plan_id, day, jsonb_object_agg(metric, value) FROM rollup_leaf_dated GROUP BY 1, 2, 3, 4;
DROP TABLE rollup_leaf_dated;
ALTER TABLE rollup_leaf_dated_by_day RENAME TO rollup_leaf_dated;
ALTER INDEX rollup_leaf_dated_by_day_pkey RENAME TO rollup_leaf_dated_pkey;
SELECT thidua_secure_read_model('rollup_leaf_dated', true);

-- Two figures objects added key by key (the upsert of a unit's facts on a day it had some).
CREATE FUNCTION thidua_add_figures(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT jsonb_object_agg(key, total) FROM (
        SELECT key, sum(value::bigint) AS total
          FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) f GROUP BY key) s
$$;

-- Existing counters, converted in place: take each unit's own plan facts out of its own node,
-- as its span there had added them (from the later of the fact's day and the span's first
-- day, taken away on the span's end day), then drop the rows that held nothing else.
WITH own AS (
    SELECT l.tenant_id, l.plan_id, l.unit_id, f.key AS metric, greatest(l.day, s.first) AS day, s.end_on,
           f.value::bigint AS value
      FROM rollup_leaf_dated l
     CROSS JOIN LATERAL jsonb_each_text(l.figures) f
      JOIN rollup_units u ON u.tenant_id = l.tenant_id AND u.unit_id = l.unit_id
     CROSS JOIN LATERAL (SELECT (e->>1)::date AS first, (e->>2)::date AS end_on
                           FROM jsonb_array_elements(u.spans) e WHERE e->>0 = l.unit_id::text) s
     WHERE s.end_on IS NULL OR greatest(l.day, s.first) < s.end_on),
deltas AS (
    SELECT tenant_id, plan_id, unit_id, metric, day, sum(value) AS value
      FROM (SELECT tenant_id, plan_id, unit_id, metric, day, value FROM own
            UNION ALL
            SELECT tenant_id, plan_id, unit_id, metric, end_on, -value FROM own WHERE end_on IS NOT NULL) d
     GROUP BY 1, 2, 3, 4, 5)
UPDATE rollup_counters_dated c SET value = c.value - d.value
  FROM deltas d
 WHERE c.node_id = d.unit_id AND c.plan_id = d.plan_id AND c.tenant_id = d.tenant_id
   AND c.metric = d.metric AND c.day = d.day;
DELETE FROM rollup_counters_dated c
 WHERE c.value = 0
   AND EXISTS (SELECT FROM rollup_leaf_dated l
                WHERE l.tenant_id = c.tenant_id AND l.unit_id = c.node_id AND l.plan_id = c.plan_id
                  AND l.figures ? c.metric);
