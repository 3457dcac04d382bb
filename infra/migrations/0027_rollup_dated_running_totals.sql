-- Dated node counters hold running totals instead of daily deltas (projections/rollup/
-- running_totals.py): a key's row on a day is the sum of its deltas up to that day, so a
-- rollup as of D reads one row per key, the last on or before D, instead of every day's.
-- With facts spread over the days of a campaign the as-of read grew with the number of
-- days; now it grows only with the keys (nodes x plans x metrics), as the present-time read.
-- The as-of read starts from the keys: rollup_counters_dated_keys lists each key once with
-- its last day and total, so a key with nothing after D is answered from there and only the
-- others look up their row on or before D.
-- Converted in place: each row's total is its key's deltas summed up to its day.
ALTER TABLE rollup_counters_dated RENAME COLUMN value TO total;
UPDATE rollup_counters_dated c SET total = s.total
  FROM (SELECT node_id, plan_id, tenant_id, metric, day,
               sum(total) OVER (PARTITION BY node_id, plan_id, tenant_id, metric ORDER BY day) AS total
          FROM rollup_counters_dated) s
 WHERE c.node_id = s.node_id AND c.plan_id = s.plan_id AND c.tenant_id = s.tenant_id
   AND c.metric = s.metric AND c.day = s.day AND c.total <> s.total;

CREATE TABLE rollup_counters_dated_keys (
    tenant_id   text NOT NULL,
    plan_id     uuid NOT NULL,
    node_id     uuid NOT NULL,
    metric      text NOT NULL,
    last_day    date NOT NULL,
    last_total  bigint NOT NULL,
    PRIMARY KEY (node_id, plan_id, tenant_id, metric)
);
SELECT thidua_secure_read_model('rollup_counters_dated_keys', true);
INSERT INTO rollup_counters_dated_keys
SELECT DISTINCT ON (node_id, plan_id, tenant_id, metric) tenant_id, plan_id, node_id, metric, day, total
  FROM rollup_counters_dated ORDER BY node_id, plan_id, tenant_id, metric, day DESC;
