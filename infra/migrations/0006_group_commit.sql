-- Group commit. The store sends the appends that arrive while earlier ones are in flight
-- as one call of thidua_append_units (infra/group_commit.py): one round trip, one
-- transaction and one WAL flush for many commands. Each unit (the streams of one command,
-- of one tenant, atomic together) is checked and written on its own: a version conflict or
-- a known idempotency key answers that unit and writes nothing of it; the others go on.
-- thidua_append (0001, 0005) is no longer called by the store; it stays for instances of
-- the previous release during a rolling deploy, to be dropped by a later migration.

-- The canonical text, respelled with the same bytes (tests/store/test_hash_chain.py checks
-- them against jsonb_build_array). jsonb_build_array is STABLE, so the IMMUTABLE function
-- of 0001 was never inlined: every event paid for a SQL-function call and for rebuilding
-- its body into a new jsonb array only to print it.
CREATE OR REPLACE FUNCTION thidua_canonical(
    tenant text, pos bigint, stream uuid, ver integer, topic text, class_version integer,
    recorded_at timestamptz, body jsonb, metadata jsonb
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT '[' || to_json(tenant) || ', ' || pos || ', "' || stream || '", ' || ver || ', '
        || to_json(topic) || ', ' || class_version || ', '
        || (extract(epoch FROM recorded_at) * 1000000)::bigint || ', '
        || body || ', ' || metadata || ']'
$$;

-- Units come sorted by tenant, so every call locks tenant heads in the same order (no
-- deadlock between concurrent calls); each head stays locked until the commit, which keeps
-- a tenant's positions in commit order. Streams are listed unit by unit, events stream by
-- stream. One row per unit: outcome 'appended', 'replayed' (the key's first answer) or
-- 'conflict' (conflict_stream is at current_version, not at the expected one).
CREATE FUNCTION thidua_append_units(
    p_tenants text[], p_metadata jsonb[], p_keys text[],
    p_stream_units integer[], p_streams uuid[], p_expected integer[], p_counts integer[],
    p_topics text[], p_class_versions integer[], p_bodies jsonb[]
) RETURNS TABLE (unit integer, outcome text, first_position bigint, last_position bigint,
                 first_version integer, recorded_at timestamptz, conflict_stream uuid,
                 current_version integer)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_tenant text;
    v_locked_at bigint;   -- the tenant's head position when locked: unchanged means no write
    v_pos bigint;
    v_hash bytea;
    v_now timestamptz;
    v_stream integer := 1;  -- the unit's first stream
    v_event integer := 1;   -- that stream's first event
    v_last integer;         -- the unit's last stream
    v_current integer;
    v_skip boolean;
    v_prior record;
    v_rows_stream uuid[];   -- the unit's rows, gathered for one INSERT
    v_rows_version integer[];
    v_rows_event integer[];
    v_rows_hash bytea[];
BEGIN
    FOR u IN 1..cardinality(p_tenants) LOOP
        IF v_tenant IS DISTINCT FROM p_tenants[u] THEN
            IF v_pos IS DISTINCT FROM v_locked_at THEN
                UPDATE tenant_heads SET position = v_pos, hash = v_hash WHERE tenant_id = v_tenant;
            END IF;
            v_tenant := p_tenants[u];
            PERFORM set_config('app.tenant_id', v_tenant, true);
            SELECT h.position, h.hash INTO v_pos, v_hash
              FROM tenant_heads h WHERE h.tenant_id = v_tenant FOR UPDATE;
            IF NOT FOUND THEN
                INSERT INTO tenant_heads (tenant_id) VALUES (v_tenant) ON CONFLICT DO NOTHING;
                SELECT h.position, h.hash INTO v_pos, v_hash
                  FROM tenant_heads h WHERE h.tenant_id = v_tenant FOR UPDATE;
            END IF;
            v_locked_at := v_pos;
            v_now := clock_timestamp();  -- after the lock: recorded_at rises with position
        END IF;

        v_last := v_stream;
        WHILE v_last < cardinality(p_streams) AND p_stream_units[v_last + 1] = u LOOP
            v_last := v_last + 1;
        END LOOP;

        unit := u;
        v_skip := false;
        IF p_keys[u] IS NOT NULL THEN
            SELECT k.first_position, k.last_position, k.last_version, k.recorded_at INTO v_prior
              FROM idempotency_keys k WHERE k.tenant_id = v_tenant AND k.key = p_keys[u];
            IF FOUND THEN
                outcome := 'replayed';
                first_position := v_prior.first_position;
                last_position := v_prior.last_position;
                first_version := v_prior.last_version;
                recorded_at := v_prior.recorded_at;
                conflict_stream := NULL;
                current_version := NULL;
                RETURN NEXT;
                v_skip := true;
            END IF;
        END IF;

        IF NOT v_skip THEN
            FOR s IN v_stream..v_last LOOP
                SELECT coalesce(max(e.version), 0) INTO v_current
                  FROM events e WHERE e.tenant_id = v_tenant AND e.stream_id = p_streams[s];
                IF v_current <> p_expected[s] THEN
                    outcome := 'conflict';
                    first_position := NULL;
                    last_position := NULL;
                    first_version := NULL;
                    recorded_at := NULL;
                    conflict_stream := p_streams[s];
                    current_version := v_current;
                    RETURN NEXT;
                    v_skip := true;
                    EXIT;
                END IF;
            END LOOP;
        END IF;

        IF v_skip THEN
            FOR s IN v_stream..v_last LOOP
                v_event := v_event + p_counts[s];
            END LOOP;
        ELSE
            -- The chain is computed event by event; the unit's rows go in one INSERT.
            first_position := v_pos + 1;
            v_rows_stream := '{}';
            v_rows_version := '{}';
            v_rows_event := '{}';
            v_rows_hash := '{}';
            FOR s IN v_stream..v_last LOOP
                FOR i IN 1..p_counts[s] LOOP
                    v_pos := v_pos + 1;
                    v_hash := sha256(v_hash || convert_to(thidua_canonical(
                        v_tenant, v_pos, p_streams[s], p_expected[s] + i, p_topics[v_event],
                        p_class_versions[v_event], v_now, p_bodies[v_event], p_metadata[u]), 'UTF8'));
                    v_rows_stream := v_rows_stream || p_streams[s];
                    v_rows_version := v_rows_version || (p_expected[s] + i);
                    v_rows_event := v_rows_event || v_event;
                    v_rows_hash := v_rows_hash || v_hash;
                    v_event := v_event + 1;
                END LOOP;
            END LOOP;
            INSERT INTO events (tenant_id, position, stream_id, version, topic, class_version,
                                body, metadata, recorded_at, hash)
            SELECT v_tenant, first_position + r.n - 1, r.stream, r.version, p_topics[r.event],
                   p_class_versions[r.event], p_bodies[r.event], p_metadata[u], v_now, r.hash
              FROM unnest(v_rows_stream, v_rows_version, v_rows_event, v_rows_hash)
                   WITH ORDINALITY AS r(stream, version, event, hash, n);
            IF p_keys[u] IS NOT NULL THEN
                INSERT INTO idempotency_keys VALUES (v_tenant, p_keys[u], p_streams[v_stream],
                    first_position, v_pos, p_expected[v_stream] + p_counts[v_stream], v_now);
            END IF;
            outcome := 'appended';
            last_position := v_pos;
            first_version := p_expected[v_stream] + p_counts[v_stream];
            recorded_at := v_now;
            conflict_stream := NULL;
            current_version := NULL;
            RETURN NEXT;
        END IF;
        v_stream := v_last + 1;
    END LOOP;

    IF v_pos IS DISTINCT FROM v_locked_at THEN
        UPDATE tenant_heads SET position = v_pos, hash = v_hash WHERE tenant_id = v_tenant;
    END IF;
END
$$;

GRANT EXECUTE ON FUNCTION thidua_append_units TO thidua_app;
