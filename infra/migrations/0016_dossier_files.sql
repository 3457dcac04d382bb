-- Dossier files, content-addressed: one row per tenant and sha256 of the bytes. The event
-- that attaches a file records its sha256, so the tenant's hash chain covers the content and
-- `thidua audit verify` finds a row changed after the fact. Append-only by grants, tenant
-- isolated by row-level security like every tenant table.

CREATE TABLE dossier_files (
    tenant_id  text NOT NULL,
    sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size       bigint NOT NULL CHECK (size > 0),
    content    bytea NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, sha256)
);
-- PDF, JPEG, PNG and the OOXML packages are compressed already: store them out of line as is.
ALTER TABLE dossier_files ALTER COLUMN content SET STORAGE EXTERNAL;

ALTER TABLE dossier_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON dossier_files
    USING (tenant_id = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT ON dossier_files TO thidua_app;
