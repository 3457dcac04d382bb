-- The national dashboard shows quota use (slots per pool, used, and how many went to
-- enterprise unions) across tenants. A quota ledger holds counts per nominating unit and no
-- personal data, so national readers may read it like the rollup counters. A rebuild keeps
-- the policy (projections/engine/rebuild.py copies national_read).
CREATE POLICY national_read ON quotas FOR SELECT
    USING (current_setting('app.scope', true) = 'national');
