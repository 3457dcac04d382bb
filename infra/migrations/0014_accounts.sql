-- Accounts: the lookups and secrets that sign-in needs beside the event log.
-- The accounts themselves (invitations, roles, disabling, personal tokens) are events of
-- the UserAccount aggregate in each tenant's log; these tables hold what must be found
-- before the tenant is known (an email) or must stay erasable (password hashes), and the
-- short-lived secrets of sessions and one-time links. Platform-level, like `tenants`: no RLS.

CREATE TABLE account_emails (
    email       text PRIMARY KEY,               -- normalised (domain.accounts.normalise_email)
    tenant_id   text NOT NULL REFERENCES tenants (tenant_id),
    user_id     uuid NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account_credentials (
    user_id          uuid PRIMARY KEY REFERENCES account_emails (user_id),
    password_hash    text NOT NULL,             -- argon2id, PHC string
    failed_attempts  integer NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account_links (
    link_hash   bytea PRIMARY KEY,              -- SHA-256 of the secret in the link
    purpose     text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
    user_id     uuid NOT NULL REFERENCES account_emails (user_id),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_links_user ON account_links (user_id);

CREATE TABLE sessions (
    session_id   uuid PRIMARY KEY,
    secret_hash  bytea NOT NULL,                -- SHA-256 of the cookie's secret
    user_id      uuid NOT NULL REFERENCES account_emails (user_id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

-- Sign-in through an identity provider (OpenID Connect): the provider's (issuer, subject)
-- finds the account; the link itself is an event of the account (ExternalIdentityLinked).
CREATE TABLE account_identities (
    issuer      text NOT NULL,
    subject     text NOT NULL,
    user_id     uuid NOT NULL REFERENCES account_emails (user_id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);

GRANT SELECT, INSERT ON account_emails, account_identities TO thidua_app;
GRANT SELECT, INSERT, UPDATE ON account_credentials, account_links TO thidua_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO thidua_app;
