-- Projections: checkpoints per (tenant, projection) and the read-model tables they own.
-- Every table is keyed by tenant_id first (decision 14). Read models are rebuilt by
-- projections, so the application role may update and delete them (unlike the event log).
-- Cross-tenant reads by national bodies: tables holding rollups and org/plan metadata carry a
-- second, SELECT-only policy honoured when `app.scope = 'national'` (set only through
-- infra.database.apply_national_scope). Writes stay confined to app.tenant_id.

CREATE TABLE projection_checkpoints (
    tenant_id       text NOT NULL,
    projection      text NOT NULL,
    position        bigint NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    error           text,
    error_position  bigint,
    PRIMARY KEY (tenant_id, projection)
);

-- Row-level security, policies and grants for a read-model table; used by this migration and
-- again by `thidua projections rebuild` for the fresh `<table>__rebuild` copies.
CREATE FUNCTION thidua_secure_read_model(p_table text, p_national boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', p_table);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I'
                   ' USING (tenant_id = current_setting(''app.tenant_id'', true))', p_table);
    IF p_national THEN
        EXECUTE format('CREATE POLICY national_read ON %I FOR SELECT'
                       ' USING (current_setting(''app.scope'', true) = ''national'')', p_table);
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO thidua_app', p_table);
END
$$;

SELECT thidua_secure_read_model('projection_checkpoints', false);

-- Which tenants have a log, and how far it goes: tenant ids and positions only (platform
-- metadata, like the `tenants` registry), so a runner finds tenants appended to without a
-- registry row. SECURITY DEFINER because tenant_heads is behind row-level security.
CREATE FUNCTION thidua_tenant_heads() RETURNS TABLE (tenant_id text, head bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT h.tenant_id, h.position FROM tenant_heads h
$$;
REVOKE ALL ON FUNCTION thidua_tenant_heads() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua_tenant_heads() TO thidua_app;

-- ---- org_tree: units now, their effective-dated versions, and their raw changes ----------
CREATE TABLE org_units (
    tenant_id      text NOT NULL,
    unit_id        uuid NOT NULL,
    kind           text NOT NULL,
    level          integer NOT NULL,
    name           text NOT NULL,
    code           text,
    enterprise     boolean NOT NULL DEFAULT false,
    parent_id      uuid,
    active_from    date NOT NULL,
    ended_on       date,
    end_kind       text,
    successor_ids  uuid[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, unit_id)
);
CREATE INDEX org_units_by_parent ON org_units (parent_id);
CREATE INDEX org_units_by_id ON org_units (unit_id);

CREATE TABLE org_unit_versions (
    tenant_id   text NOT NULL,
    unit_id     uuid NOT NULL,
    valid_from  date NOT NULL,
    valid_to    date,  -- exclusive; NULL = still valid
    name        text NOT NULL,
    parent_id   uuid,
    kind        text NOT NULL,
    level       integer NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, valid_from)
);
CREATE INDEX org_unit_versions_by_parent ON org_unit_versions (parent_id, valid_from);

CREATE TABLE org_unit_changes (
    tenant_id  text NOT NULL,
    unit_id    uuid NOT NULL,
    seq        integer NOT NULL,
    change     jsonb NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, seq)
);

-- ---- plans: plans and their parent links (the cascade, across tenants) ------------------
CREATE TABLE plans (
    tenant_id             text NOT NULL,
    plan_id               uuid NOT NULL,
    issuing_unit_id       uuid NOT NULL,
    theme                 text NOT NULL,
    kind                  text NOT NULL,
    status                text NOT NULL,
    number                text NOT NULL DEFAULT '',
    issued_on             date,
    launched_on           date,
    closed_on             date,
    period_start          date,
    period_end            date,
    end_condition_met_on  date,
    report_days           integer[] NOT NULL DEFAULT '{}',
    grace_days            integer NOT NULL DEFAULT 0,
    phases                jsonb NOT NULL DEFAULT '[]',
    drafted_at            timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, plan_id)
);

CREATE TABLE plan_links (
    tenant_id       text NOT NULL,
    plan_id         uuid NOT NULL,
    seq             integer NOT NULL,
    relation        text NOT NULL,
    parent_tenant   text NOT NULL DEFAULT '',
    parent_plan_id  uuid,
    number          text NOT NULL DEFAULT '',
    issuer          text NOT NULL DEFAULT '',
    title           text NOT NULL DEFAULT '',
    linked_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, seq)
);
CREATE INDEX plan_links_by_parent ON plan_links (parent_plan_id, parent_tenant);

-- ---- registrations, reports, nominations, quotas ----------------------------------------
CREATE TABLE registrations (
    tenant_id        text NOT NULL,
    registration_id  uuid NOT NULL,
    plan_id          uuid NOT NULL,
    phase            text NOT NULL,
    unit_id          uuid NOT NULL,
    registered_on    date NOT NULL,
    late             boolean NOT NULL,
    targets          jsonb NOT NULL,
    results          jsonb NOT NULL DEFAULT '{}',
    targets_met      integer NOT NULL DEFAULT 0,
    work_items       integer NOT NULL DEFAULT 0,
    initiatives      integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, registration_id)
);
CREATE INDEX registrations_by_plan ON registrations (tenant_id, plan_id, unit_id);

CREATE TABLE reports (
    tenant_id             text NOT NULL,
    report_id             uuid NOT NULL,
    plan_id               uuid NOT NULL,
    unit_id               uuid NOT NULL,
    day                   date NOT NULL,
    submitted_on          date NOT NULL,
    late                  boolean NOT NULL,
    members_supported     integer NOT NULL,
    funds_mobilised       bigint NOT NULL,
    models                jsonb NOT NULL,
    initiatives           integer NOT NULL,
    work_items_completed  integer NOT NULL,
    PRIMARY KEY (tenant_id, report_id)
);
CREATE INDEX reports_by_plan ON reports (tenant_id, plan_id, day, unit_id);

CREATE TABLE nominations (
    tenant_id           text NOT NULL,
    nomination_id       uuid NOT NULL,
    plan_id             uuid NOT NULL,
    phase               text NOT NULL,
    nominee_kind        text NOT NULL,
    nominee_id          uuid NOT NULL,
    nominee_name        text NOT NULL,
    nominee_enterprise  boolean NOT NULL,
    award_form          text NOT NULL,
    proposing_unit_id   uuid NOT NULL,
    status              text NOT NULL,
    late                boolean NOT NULL DEFAULT false,
    submitted_on        date,
    returns             jsonb NOT NULL DEFAULT '[]',
    decision_number     text,
    decided_on          date,
    authority           text,
    end_reason          text NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, nomination_id)
);
CREATE INDEX nominations_by_plan ON nominations (tenant_id, plan_id, status);

CREATE TABLE quotas (
    tenant_id           text NOT NULL,
    quota_id            uuid NOT NULL,
    plan_id             uuid NOT NULL,
    pool                text NOT NULL,
    nominating_unit_id  uuid NOT NULL,
    quota_limit         integer NOT NULL,
    basis               integer NOT NULL,
    priority            text NOT NULL,
    used                integer NOT NULL DEFAULT 0,
    enterprise_used     integer NOT NULL DEFAULT 0,
    reserved            jsonb NOT NULL DEFAULT '{}',  -- nomination id hex -> enterprise flag
    PRIMARY KEY (tenant_id, quota_id)
);

-- ---- rollups: per-unit leaf facts and counters at every ancestor ("as now") -------------
-- rollup_units: each unit's effective-dated changes (to rebuild the domain OrgTimeline) and
-- its attribution path now: [holder, parent holder, ..., root], holder = unit or successor.
CREATE TABLE rollup_units (
    tenant_id  text NOT NULL,
    unit_id    uuid NOT NULL,
    changes    jsonb NOT NULL DEFAULT '[]',
    path       uuid[] NOT NULL,
    PRIMARY KEY (tenant_id, unit_id)
);
CREATE INDEX rollup_units_by_parent ON rollup_units ((path[2]));
CREATE INDEX rollup_units_by_path ON rollup_units USING gin (path);

-- Facts per (plan, original unit); plan_id = nil uuid holds plan-independent facts (units).
CREATE TABLE rollup_leaf (
    tenant_id  text NOT NULL,
    plan_id    uuid NOT NULL,
    unit_id    uuid NOT NULL,
    metric     text NOT NULL,
    value      bigint NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, unit_id, metric)
);
CREATE INDEX rollup_leaf_by_unit ON rollup_leaf (tenant_id, unit_id);

-- counters(node) = sum of leaf(u) over units u whose attribution path contains node.
CREATE TABLE rollup_counters (
    tenant_id  text NOT NULL,
    plan_id    uuid NOT NULL,
    node_id    uuid NOT NULL,
    metric     text NOT NULL,
    value      bigint NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, node_id, metric)
);
CREATE INDEX rollup_counters_by_node ON rollup_counters (node_id, plan_id);

-- Lookups the rollup projection needs for later events of a stream.
CREATE TABLE rollup_registrations (
    tenant_id        text NOT NULL,
    registration_id  uuid NOT NULL,
    plan_id          uuid NOT NULL,
    unit_id          uuid NOT NULL,
    targets          jsonb NOT NULL,
    results          jsonb NOT NULL DEFAULT '{}',
    targets_met      integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, registration_id)
);
CREATE INDEX rollup_registrations_by_unit ON rollup_registrations (tenant_id, plan_id, unit_id);

CREATE TABLE rollup_nominations (
    tenant_id      text NOT NULL,
    nomination_id  uuid NOT NULL,
    plan_id        uuid NOT NULL,
    unit_id        uuid NOT NULL,
    award_form     text NOT NULL,
    status         text NOT NULL,
    PRIMARY KEY (tenant_id, nomination_id)
);

SELECT thidua_secure_read_model(t, n) FROM (VALUES
    ('org_units', true), ('org_unit_versions', true), ('org_unit_changes', true),
    ('plans', true), ('plan_links', true),
    ('registrations', false), ('reports', false), ('nominations', false), ('quotas', false),
    ('rollup_units', true), ('rollup_leaf', true), ('rollup_counters', true),
    ('rollup_registrations', false), ('rollup_nominations', false)
) AS tables(t, n);
