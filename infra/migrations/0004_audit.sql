-- Auditor reads are themselves recorded: who read which tenant's history, what, and when.
-- Tenant-scoped like every tenant table (tenant_id first, RLS), append-only by grants.

CREATE TABLE audit_reads (
    tenant_id  text NOT NULL,
    read_id    uuid NOT NULL,
    auditor    text NOT NULL,
    read_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    what       text NOT NULL,
    detail     jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (tenant_id, read_id)
);
CREATE INDEX audit_reads_by_time ON audit_reads (tenant_id, read_at);

ALTER TABLE audit_reads ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_reads
    USING (tenant_id = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT ON audit_reads TO thidua_app;
