-- Blue/green projection rebuilds (issue 19): which version of each projection's read models
-- is live. `thidua projections rebuild NAME` builds version N+1 beside the live tables
-- (`<table>__v<N+1>`, checkpoints `<name>__v<N+1>`) while version N keeps serving, then one
-- transaction renames the new tables in, drops the old ones and moves this row to N+1.
-- A projection with no row is at version 1 (its tables as the migrations made them).
CREATE TABLE projection_versions (
    projection   text PRIMARY KEY,
    version      integer NOT NULL,
    switched_at  timestamptz NOT NULL DEFAULT now(),
    positions    jsonb NOT NULL DEFAULT '{}'  -- tenant -> log position the new version started serving at
);
-- Platform metadata, like tenant_heads' ids: no tenant's data, readable by the runner.
GRANT SELECT ON projection_versions TO thidua_app;
