-- The event store: one events table, a head row per tenant, idempotency keys and snapshots.
-- Every table is keyed by tenant_id first (see architecture decision 14) and, where it holds
-- tenant data, guarded by row-level security on the per-transaction setting app.tenant_id.

CREATE TABLE tenants (
    tenant_id   text PRIMARY KEY CHECK (tenant_id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    name        text NOT NULL,
    kind        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenant_heads (
    tenant_id   text PRIMARY KEY,
    position    bigint NOT NULL DEFAULT 0,
    hash        bytea NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
);

CREATE TABLE events (
    tenant_id      text NOT NULL,
    position       bigint NOT NULL,
    stream_id      uuid NOT NULL,
    version        integer NOT NULL CHECK (version > 0),
    topic          text NOT NULL,
    class_version  integer NOT NULL DEFAULT 1,
    body           jsonb NOT NULL,
    metadata       jsonb NOT NULL,
    recorded_at    timestamptz NOT NULL,
    hash           bytea NOT NULL,
    PRIMARY KEY (tenant_id, position),
    UNIQUE (tenant_id, stream_id, version)
);
CREATE INDEX events_by_topic ON events (tenant_id, topic, position);
CREATE INDEX events_by_time ON events (tenant_id, recorded_at);

CREATE TABLE idempotency_keys (
    tenant_id       text NOT NULL,
    key             text NOT NULL,
    stream_id       uuid NOT NULL,
    first_position  bigint NOT NULL,
    last_position   bigint NOT NULL,
    last_version    integer NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE snapshots (
    tenant_id    text NOT NULL,
    stream_id    uuid NOT NULL,
    version      integer NOT NULL,
    topic        text NOT NULL,
    body         jsonb NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, stream_id, version)
);

-- The canonical text of an event, hashed into the tenant's chain. Spelled once, here, so the
-- append and every verifier hash exactly the same bytes (docs/audit.md explains it).
CREATE FUNCTION thidua_canonical(
    tenant text, pos bigint, stream uuid, ver integer, topic text, class_version integer,
    recorded_at timestamptz, body jsonb, metadata jsonb
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_array(
        tenant, pos, stream::text, ver, topic, class_version,
        (extract(epoch FROM recorded_at) * 1000000)::bigint, body, metadata
    )::text
$$;

-- Append events to one stream in one call: lock the tenant head (which orders the tenant's
-- log by commit), honour the idempotency key, check the expected version, insert, advance
-- the hash chain, notify. Raises SQLSTATE TD409 on a version conflict.
CREATE FUNCTION thidua_append(
    p_tenant text, p_stream uuid, p_expected integer, p_topics text[],
    p_class_versions integer[], p_bodies jsonb[], p_metadata jsonb, p_idempotency_key text
) RETURNS TABLE (first_position bigint, last_position bigint, last_version integer,
                 recorded_at timestamptz, replayed boolean)
LANGUAGE plpgsql AS $$
DECLARE
    v_pos bigint;
    v_hash bytea;
    v_current integer;
    v_now timestamptz;
    v_n integer := cardinality(p_topics);
    v_prior record;
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant, true);
    SELECT h.position, h.hash INTO v_pos, v_hash
      FROM tenant_heads h WHERE h.tenant_id = p_tenant FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO tenant_heads (tenant_id) VALUES (p_tenant) ON CONFLICT DO NOTHING;
        SELECT h.position, h.hash INTO v_pos, v_hash
          FROM tenant_heads h WHERE h.tenant_id = p_tenant FOR UPDATE;
    END IF;

    IF p_idempotency_key IS NOT NULL THEN
        SELECT k.first_position, k.last_position, k.last_version, k.recorded_at INTO v_prior
          FROM idempotency_keys k WHERE k.tenant_id = p_tenant AND k.key = p_idempotency_key;
        IF FOUND THEN
            RETURN QUERY SELECT v_prior.first_position, v_prior.last_position,
                                v_prior.last_version, v_prior.recorded_at, true;
            RETURN;
        END IF;
    END IF;

    SELECT coalesce(max(e.version), 0) INTO v_current
      FROM events e WHERE e.tenant_id = p_tenant AND e.stream_id = p_stream;
    IF v_current <> p_expected THEN
        RAISE EXCEPTION 'stream % is at version %, expected %', p_stream, v_current, p_expected
            USING ERRCODE = 'TD409', DETAIL = v_current::text;
    END IF;

    v_now := clock_timestamp();
    FOR i IN 1..v_n LOOP
        v_pos := v_pos + 1;
        v_hash := sha256(v_hash || convert_to(thidua_canonical(
            p_tenant, v_pos, p_stream, p_expected + i, p_topics[i], p_class_versions[i],
            v_now, p_bodies[i], p_metadata), 'UTF8'));
        INSERT INTO events (tenant_id, position, stream_id, version, topic, class_version,
                            body, metadata, recorded_at, hash)
        VALUES (p_tenant, v_pos, p_stream, p_expected + i, p_topics[i], p_class_versions[i],
                p_bodies[i], p_metadata, v_now, v_hash);
    END LOOP;

    UPDATE tenant_heads SET position = v_pos, hash = v_hash WHERE tenant_id = p_tenant;
    IF p_idempotency_key IS NOT NULL THEN
        INSERT INTO idempotency_keys VALUES (p_tenant, p_idempotency_key, p_stream,
                                             v_pos - v_n + 1, v_pos, p_expected + v_n, v_now);
    END IF;
    PERFORM pg_notify('thidua_events', p_tenant || ':' || v_pos);
    PERFORM pg_notify('thidua_events.' || p_tenant, v_pos::text);
    RETURN QUERY SELECT v_pos - v_n + 1, v_pos, p_expected + v_n, v_now, false;
END
$$;

ALTER TABLE tenant_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_heads
    USING (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON events
    USING (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON idempotency_keys
    USING (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON snapshots
    USING (tenant_id = current_setting('app.tenant_id', true));

-- Append-only by grants: the application may insert events but never update or delete them.
GRANT SELECT, INSERT ON tenants TO thidua_app;
GRANT SELECT, INSERT, UPDATE ON tenant_heads TO thidua_app;
GRANT SELECT, INSERT ON events, idempotency_keys, snapshots TO thidua_app;
GRANT EXECUTE ON FUNCTION thidua_canonical, thidua_append TO thidua_app;
