-- A unit's own facts are no longer repeated in rollup_counters at its own node: they are
-- its rollup_leaf rows, read from there. counters(node) now sums the leaf facts of the
-- units whose attribution path contains node, the node itself excepted; a node's figures
-- are its counters plus its own leaf when it holds its own facts (path[1] = unit_id, i.e.
-- not merged into a successor). Nearly every counter row was a grassroots unit's copy of
-- its leaf: projecting a report wrote each figure twice (measured: 237,340 counter rows for
-- 233,180 leaf rows at 20,000 grassroots units, all but 160 of them at grassroots nodes).

-- The read finds the node's own row by path[1]; the GIN index on path served no query and
-- every path write paid for it.
CREATE INDEX rollup_units_by_holder ON rollup_units ((path[1]));
DROP INDEX rollup_units_by_path;

-- rollup_leaf keyed (tenant, unit, plan, metric): its one index serves the upserts and every
-- read by unit, which had an index of their own (measured: a fifth less leaf write time).
ALTER TABLE rollup_leaf DROP CONSTRAINT rollup_leaf_pkey, ADD PRIMARY KEY (tenant_id, unit_id, plan_id, metric);
DROP INDEX rollup_leaf_by_unit;

-- Existing counters, converted in place: take each holder's own leaf out of its node, then
-- drop the rows that held nothing else (the leaf row carries the same key).
UPDATE rollup_counters c SET value = c.value - l.value
  FROM rollup_leaf l JOIN rollup_units u ON u.tenant_id = l.tenant_id AND u.unit_id = l.unit_id
 WHERE u.path[1] = u.unit_id AND c.tenant_id = l.tenant_id AND c.plan_id = l.plan_id
   AND c.node_id = l.unit_id AND c.metric = l.metric;
DELETE FROM rollup_counters c
 WHERE c.value = 0
   AND EXISTS (SELECT FROM rollup_leaf l JOIN rollup_units u ON u.tenant_id = l.tenant_id AND u.unit_id = l.unit_id
                WHERE u.path[1] = u.unit_id AND l.tenant_id = c.tenant_id AND l.plan_id = c.plan_id
                  AND l.unit_id = c.node_id AND l.metric = c.metric);
