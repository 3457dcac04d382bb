-- Rollups count a unit once per root campaign and break registrations down by phase: new
-- counters (campaign_units:*, phases:*) that only a replay of the logs can fill. Empty the
-- rollup's tables and its checkpoints; the runner projects every tenant again from position 0.
TRUNCATE rollup_units, rollup_leaf, rollup_counters, rollup_registrations, rollup_nominations;
DELETE FROM projection_checkpoints WHERE projection = 'rollups';

-- The same leaf facts by the day they took effect (registered, reported, result recorded,
-- nomination step, decision, revocation): a rollup "as of D" counts only days <= D.
CREATE TABLE rollup_leaf_dated (
    tenant_id  text NOT NULL,
    unit_id    uuid NOT NULL,
    plan_id    uuid NOT NULL,
    metric     text NOT NULL,
    day        date NOT NULL,
    value      bigint NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, plan_id, metric, day)
);
SELECT thidua_secure_read_model('rollup_leaf_dated', true);
-- The day a nomination entered its current state: a later step's -1 is dated no earlier.
ALTER TABLE rollup_nominations ADD COLUMN since date;

-- How fresh a projection is for some tenants: the position it has applied, the tenant's log
-- head, and when the oldest event it has not applied yet was recorded (NULL when caught up).
-- Positions and times only, like thidua_tenant_heads(); SECURITY DEFINER because the heads,
-- the events and the checkpoints are behind row-level security.
CREATE FUNCTION thidua_projection_freshness(p_projection text, p_tenants text[])
RETURNS TABLE (tenant_id text, applied bigint, head bigint, oldest_pending timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT t.tenant_id, coalesce(c.position, 0), coalesce(h.position, 0),
           (SELECT e.recorded_at FROM events e
             WHERE e.tenant_id = t.tenant_id AND e.position = coalesce(c.position, 0) + 1)
      FROM unnest(p_tenants) AS t(tenant_id)
      LEFT JOIN tenant_heads h ON h.tenant_id = t.tenant_id
      LEFT JOIN projection_checkpoints c ON c.tenant_id = t.tenant_id AND c.projection = p_projection
$$;
REVOKE ALL ON FUNCTION thidua_projection_freshness(text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua_projection_freshness(text, text[]) TO thidua_app;
