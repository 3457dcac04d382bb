"""Typed settings, read from the environment only when `Settings.from_env()` is called."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_APP_PASSWORD = "thidua_app"
DEFAULT_JWT_SECRET = "thidua-dev-secret-change-me-in-production"


@dataclass(frozen=True)
class DatabaseSettings:
    url: str | None = None
    """DATABASE_URL: a PostgreSQL 15+ server; unset means the embedded server."""
    data_dir: Path = Path("var/pgdata")
    """THIDUA_DATA_DIR: data directory of the embedded server (kept across restarts)."""
    app_password: str = DEFAULT_APP_PASSWORD
    """THIDUA_APP_PASSWORD: password of the role `thidua_app` the application connects as."""
    pool_min_size: int = 2
    """THIDUA_POOL_MIN: connections kept open."""
    pool_max_size: int = 10
    """THIDUA_POOL_MAX: connections at most."""
    append_calls: int = 2
    """THIDUA_APPEND_CALLS: group-commit calls in flight at once (infra/group_commit.py);
    about the database server's cores (2 measured best on a 2-core machine)."""


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    """THIDUA_HOST: address `thidua serve` binds to."""
    port: int = 8000
    """THIDUA_PORT: port `thidua serve` listens on."""
    dev_mode: bool = False
    """THIDUA_DEV: development mode (1/0, default 0; `make run` sets 1): GraphiQL, open
    introspection, the built-in secrets allowed, the demo loaded and its tokens printed."""
    # The two below are on for `thidua serve` (read from the environment) and off in a
    # `Settings()` built in code, so tests opt in to background work on their database.
    load_demo: bool = False
    """THIDUA_DEMO: load demo data into an empty database on start (1/0, default: THIDUA_DEV)."""
    run_projections: bool = False
    """THIDUA_RUNNER: the server starts the projection runner as its child process (1/0,
    default 1); 0 when `thidua projections run` runs it apart."""


@dataclass(frozen=True)
class AuthSettings:
    jwt_secret: str = DEFAULT_JWT_SECRET
    """THIDUA_JWT_SECRET: HMAC key for bearer tokens."""
    token_ttl_s: int = 12 * 3600
    """THIDUA_TOKEN_TTL: lifetime of tokens minted by `thidua token`, in seconds."""


@dataclass(frozen=True)
class RateLimit:
    """`requests` per `per_s` seconds, allowed in a burst and refilled evenly (a token bucket)."""

    requests: int
    per_s: int

    @classmethod
    def parse(cls, raw: str) -> RateLimit | None:
        """`300/minute` (units: second, minute, hour); `off` or `0` is no limit."""
        text = raw.strip().lower()
        if text in {"off", "0", "none"}:
            return None
        count, _, unit = text.partition("/")
        if unit not in _UNITS or not count.strip().isdigit() or int(count) < 1:
            raise SettingsError(f"{raw!r}: expected N/second, N/minute, N/hour or off")
        return cls(int(count), _UNITS[unit])


_UNITS = {"second": 1, "s": 1, "minute": 60, "min": 60, "hour": 3600, "h": 3600}


@dataclass(frozen=True)
class RateLimitSettings:
    """Off in a `Settings()` built in code (tests share one app); on by default for `serve`."""

    client: RateLimit | None = None
    """THIDUA_RATE_LIMIT_CLIENT: requests per client address (default 300/minute; off: none)."""
    account: RateLimit | None = None
    """THIDUA_RATE_LIMIT_ACCOUNT: requests per account, the token's tenant and subject
    (default 300/minute; off: none)."""


DEFAULT_CLIENT_LIMIT = "300/minute"
DEFAULT_ACCOUNT_LIMIT = "300/minute"


@dataclass(frozen=True)
class AccountSettings:
    public_url: str = "http://127.0.0.1:8000"
    """THIDUA_PUBLIC_URL: the address users reach the platform at; links in emails start with it."""
    invitation_ttl_s: int = 7 * 24 * 3600
    """THIDUA_INVITATION_TTL: how long an invitation link stays valid, in seconds."""
    reset_ttl_s: int = 3600
    """THIDUA_RESET_TTL: how long a password reset link stays valid, in seconds."""
    session_ttl_s: int = 12 * 3600
    """THIDUA_SESSION_TTL: lifetime of a sign-in session, in seconds."""
    max_failed_signins: int = 5
    """THIDUA_SIGNIN_MAX_FAILURES: wrong passwords in a row that lock an account."""
    lockout_s: int = 15 * 60
    """THIDUA_SIGNIN_LOCKOUT: how long a locked account refuses every password, in seconds."""
    signins_per_minute: int = 30
    """THIDUA_SIGNINS_PER_MINUTE: sign-in attempts one client address may make per minute (per
    server process), whatever the accounts; beyond it TOO_MANY_REQUESTS."""
    secure_cookies: bool = True
    """THIDUA_SECURE_COOKIES: session cookies only over HTTPS (1/0; default 1, and 0 in development
    mode, whose `make run` serves plain HTTP on 127.0.0.1)."""


@dataclass(frozen=True)
class MailSettings:
    smtp_host: str | None = None
    """THIDUA_SMTP_HOST: the SMTP server for invitations and reset links; unset: no mail, the
    links are handed to the administrator who asked instead."""
    smtp_port: int = 587
    """THIDUA_SMTP_PORT: its port."""
    starttls: bool = True
    """THIDUA_SMTP_STARTTLS: upgrade the connection with STARTTLS (1/0)."""
    username: str | None = None
    """THIDUA_SMTP_USER: login name, if the server asks for one."""
    password: str | None = None
    """THIDUA_SMTP_PASSWORD: its password."""
    sender: str = "Thi Đua <no-reply@thidua.local>"
    """THIDUA_MAIL_FROM: the From address of the platform's mail."""


@dataclass(frozen=True)
class TelemetrySettings:
    """The standard OpenTelemetry variables; see infra/telemetry. Nothing set: no export."""

    service_name: str = "thidua"
    """OTEL_SERVICE_NAME: `service.name` of traces and metrics."""
    traces_exporter: tuple[str, ...] = ()
    """OTEL_TRACES_EXPORTER: comma-separated `console`, `otlp` or `none` (default none)."""
    metrics_exporter: tuple[str, ...] = ()
    """OTEL_METRICS_EXPORTER: comma-separated `console`, `otlp` or `none` (default none)."""
    otlp_endpoint: str | None = None
    """OTEL_EXPORTER_OTLP_ENDPOINT: collector base URL (OTLP/HTTP), e.g. http://localhost:4318."""
    disabled: bool = False
    """OTEL_SDK_DISABLED: no SDK at all, not even trace ids in event metadata (true/false)."""


@dataclass(frozen=True)
class FileSettings:
    store: str = "postgres"
    """THIDUA_FILE_STORE: where dossier files live, `postgres` (a table) or `directory`."""
    directory: Path = Path("var/files")
    """THIDUA_FILE_DIR: the directory of the `directory` store."""
    max_bytes: int = 20 * 1024 * 1024
    """THIDUA_FILE_MAX_BYTES: the largest dossier file accepted (default 20 MiB)."""


@dataclass(frozen=True)
class OidcSettings:
    """Sign-in through an OpenID Connect provider (Authorization Code + PKCE). `Settings.oidc`
    is None, and the /auth/oidc routes answer NOT_FOUND, unless THIDUA_OIDC_ISSUER is set."""

    issuer: str
    """THIDUA_OIDC_ISSUER: the provider's issuer URL; its /.well-known/openid-configuration is
    read on first use. HTTPS, except on a loopback address."""
    client_id: str
    """THIDUA_OIDC_CLIENT_ID: this platform's client id at the provider (required with the issuer)."""
    client_secret: str | None = None
    """THIDUA_OIDC_CLIENT_SECRET: its secret (client_secret_basic); unset: a public client (PKCE only)."""
    redirect_base: str = "http://127.0.0.1:8000"
    """THIDUA_OIDC_REDIRECT_BASE: the public address the provider sends people back to (default:
    THIDUA_PUBLIC_URL); register `<base>/auth/oidc/callback` as the redirect URI."""
    scopes: tuple[str, ...] = ("openid", "email", "profile")
    """THIDUA_OIDC_SCOPES: space-separated scopes asked for (`openid` is always added)."""
    subject_claim: str = "sub"
    """THIDUA_OIDC_SUBJECT_CLAIM: the claim that names the person for good at the provider."""
    email_claim: str = "email"
    """THIDUA_OIDC_EMAIL_CLAIM: the claim holding the email an invitation was sent to."""
    email_verified_claim: str = "email_verified"
    """THIDUA_OIDC_EMAIL_VERIFIED_CLAIM: the claim saying the provider checked that email."""
    require_verified_email: bool = True
    """THIDUA_OIDC_REQUIRE_VERIFIED_EMAIL: link a first login by email only when the provider
    says it verified it (1/0; 0 only for a provider whose every email is verified)."""
    timeout_s: int = 10
    """THIDUA_OIDC_TIMEOUT: seconds to wait for the provider's discovery, keys and token endpoints."""

    @property
    def redirect_uri(self) -> str:
        return f"{self.redirect_base}/auth/oidc/callback"


@dataclass(frozen=True)
class Settings:
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    server: ServerSettings = field(default_factory=ServerSettings)
    auth: AuthSettings = field(default_factory=AuthSettings)
    accounts: AccountSettings = field(default_factory=AccountSettings)
    mail: MailSettings = field(default_factory=MailSettings)
    telemetry: TelemetrySettings = field(default_factory=TelemetrySettings)
    rate_limits: RateLimitSettings = field(default_factory=RateLimitSettings)
    files: FileSettings = field(default_factory=FileSettings)
    oidc: OidcSettings | None = None

    def unsafe_defaults(self) -> list[str]:
        """What production mode refuses to start with: the built-in secrets anyone can read."""
        if self.server.dev_mode:
            return []
        problems = []
        if self.auth.jwt_secret == DEFAULT_JWT_SECRET:
            problems.append("THIDUA_JWT_SECRET is the built-in development secret")
        if self.database.app_password == DEFAULT_APP_PASSWORD:
            problems.append("THIDUA_APP_PASSWORD is the built-in development password")
        return problems

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        d, s, a, u, m, f = (DatabaseSettings(), ServerSettings(), AuthSettings(), AccountSettings(), MailSettings(),
                            FileSettings())
        dev_mode = _flag(env.get("THIDUA_DEV"), False)
        return cls(
            database=DatabaseSettings(
                url=env.get("DATABASE_URL") or None,
                data_dir=Path(env.get("THIDUA_DATA_DIR", d.data_dir)),
                app_password=env.get("THIDUA_APP_PASSWORD", d.app_password),
                pool_min_size=_int(env, "THIDUA_POOL_MIN", d.pool_min_size),
                pool_max_size=_int(env, "THIDUA_POOL_MAX", d.pool_max_size),
                append_calls=_int(env, "THIDUA_APPEND_CALLS", d.append_calls),
            ),
            server=ServerSettings(
                host=env.get("THIDUA_HOST", s.host),
                port=_int(env, "THIDUA_PORT", s.port),
                dev_mode=dev_mode,
                load_demo=_flag(env.get("THIDUA_DEMO"), dev_mode),
                run_projections=_flag(env.get("THIDUA_RUNNER"), True),
            ),
            auth=AuthSettings(
                jwt_secret=env.get("THIDUA_JWT_SECRET", a.jwt_secret),
                token_ttl_s=_int(env, "THIDUA_TOKEN_TTL", a.token_ttl_s),
            ),
            accounts=AccountSettings(
                public_url=env.get("THIDUA_PUBLIC_URL", u.public_url).rstrip("/"),
                invitation_ttl_s=_int(env, "THIDUA_INVITATION_TTL", u.invitation_ttl_s),
                reset_ttl_s=_int(env, "THIDUA_RESET_TTL", u.reset_ttl_s),
                session_ttl_s=_int(env, "THIDUA_SESSION_TTL", u.session_ttl_s),
                max_failed_signins=_int(env, "THIDUA_SIGNIN_MAX_FAILURES", u.max_failed_signins),
                lockout_s=_int(env, "THIDUA_SIGNIN_LOCKOUT", u.lockout_s),
                signins_per_minute=_int(env, "THIDUA_SIGNINS_PER_MINUTE", u.signins_per_minute),
                secure_cookies=_flag(env.get("THIDUA_SECURE_COOKIES"), not dev_mode),
            ),
            mail=MailSettings(
                smtp_host=env.get("THIDUA_SMTP_HOST") or None,
                smtp_port=_int(env, "THIDUA_SMTP_PORT", m.smtp_port),
                starttls=_flag(env.get("THIDUA_SMTP_STARTTLS"), m.starttls),
                username=env.get("THIDUA_SMTP_USER") or None,
                password=env.get("THIDUA_SMTP_PASSWORD") or None,
                sender=env.get("THIDUA_MAIL_FROM", m.sender),
            ),
            telemetry=TelemetrySettings(
                service_name=env.get("OTEL_SERVICE_NAME") or "thidua",
                traces_exporter=_names(env.get("OTEL_TRACES_EXPORTER")),
                metrics_exporter=_names(env.get("OTEL_METRICS_EXPORTER")),
                otlp_endpoint=env.get("OTEL_EXPORTER_OTLP_ENDPOINT") or None,
                disabled=_flag(env.get("OTEL_SDK_DISABLED"), False),
            ),
            rate_limits=RateLimitSettings(
                client=_limit(env, "THIDUA_RATE_LIMIT_CLIENT", DEFAULT_CLIENT_LIMIT),
                account=_limit(env, "THIDUA_RATE_LIMIT_ACCOUNT", DEFAULT_ACCOUNT_LIMIT),
            ),
            files=FileSettings(
                store=env.get("THIDUA_FILE_STORE", f.store).strip().lower(),
                directory=Path(env.get("THIDUA_FILE_DIR", f.directory)),
                max_bytes=_int(env, "THIDUA_FILE_MAX_BYTES", f.max_bytes),
            ),
            oidc=_oidc(env, env.get("THIDUA_PUBLIC_URL", u.public_url).rstrip("/")),
        )


class SettingsError(ValueError):
    """A setting that cannot be read; `thidua` prints it as one line and exits non-zero."""


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number") from None


def _limit(env: Mapping[str, str], name: str, default: str) -> RateLimit | None:
    try:
        return RateLimit.parse(env.get(name) or default)
    except SettingsError as exc:
        raise SettingsError(f"{name}={exc}") from None


def _oidc(env: Mapping[str, str], public_url: str) -> OidcSettings | None:
    issuer = (env.get("THIDUA_OIDC_ISSUER") or "").strip()  # compared exactly: keep a trailing slash
    if not issuer:
        return None
    client_id = (env.get("THIDUA_OIDC_CLIENT_ID") or "").strip()
    if not client_id:
        raise SettingsError("THIDUA_OIDC_ISSUER is set but THIDUA_OIDC_CLIENT_ID is not")
    if not _secure_or_loopback(issuer):
        raise SettingsError(f"THIDUA_OIDC_ISSUER={issuer!r}: must be an https:// URL (http only on a loopback address)")
    o = OidcSettings(issuer, client_id)
    scopes = tuple(dict.fromkeys(["openid", *(env.get("THIDUA_OIDC_SCOPES") or " ".join(o.scopes)).split()]))
    return OidcSettings(
        issuer=issuer, client_id=client_id,
        client_secret=env.get("THIDUA_OIDC_CLIENT_SECRET") or None,
        redirect_base=(env.get("THIDUA_OIDC_REDIRECT_BASE") or public_url).rstrip("/"),
        scopes=scopes,
        subject_claim=env.get("THIDUA_OIDC_SUBJECT_CLAIM") or o.subject_claim,
        email_claim=env.get("THIDUA_OIDC_EMAIL_CLAIM") or o.email_claim,
        email_verified_claim=env.get("THIDUA_OIDC_EMAIL_VERIFIED_CLAIM") or o.email_verified_claim,
        require_verified_email=_flag(env.get("THIDUA_OIDC_REQUIRE_VERIFIED_EMAIL"), o.require_verified_email),
        timeout_s=_int(env, "THIDUA_OIDC_TIMEOUT", o.timeout_s),
    )


def _secure_or_loopback(url: str) -> bool:
    """Tokens travel over the issuer's endpoints: TLS, unless provider and platform share a host."""
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in {"127.0.0.1", "localhost", "::1"})


def _names(raw: str | None) -> tuple[str, ...]:
    """`console,otlp` -> ("console", "otlp"); `none` and blanks drop out."""
    names = (part.strip().lower() for part in (raw or "").split(","))
    return tuple(name for name in names if name and name != "none")


def _flag(raw: str | None, default: bool) -> bool:
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}
