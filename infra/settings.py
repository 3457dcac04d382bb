"""Typed settings, read from the environment only when `Settings.from_env()` is called."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class DatabaseSettings:
    url: str | None = None
    """DATABASE_URL: a PostgreSQL 15+ server; unset means the embedded server."""
    data_dir: Path = Path("var/pgdata")
    """THIDUA_DATA_DIR: data directory of the embedded server (kept across restarts)."""
    app_password: str = "thidua_app"
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
    dev_mode: bool = True
    """THIDUA_DEV: GraphiQL and development conveniences (1/0)."""
    # The two below are on for `thidua serve` (read from the environment, default 1) and off in
    # a `Settings()` built in code, so tests opt in to background work on their database.
    load_demo: bool = False
    """THIDUA_DEMO: load demo data into an empty database on start (1/0, default 1)."""
    run_projections: bool = False
    """THIDUA_RUNNER: the server starts the projection runner as its child process (1/0,
    default 1); 0 when `thidua projections run` runs it apart."""


@dataclass(frozen=True)
class AuthSettings:
    jwt_secret: str = "thidua-dev-secret-change-me-in-production"
    """THIDUA_JWT_SECRET: HMAC key for bearer tokens."""
    token_ttl_s: int = 12 * 3600
    """THIDUA_TOKEN_TTL: lifetime of tokens minted by `thidua token`, in seconds."""


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
class Settings:
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    server: ServerSettings = field(default_factory=ServerSettings)
    auth: AuthSettings = field(default_factory=AuthSettings)
    telemetry: TelemetrySettings = field(default_factory=TelemetrySettings)
    files: FileSettings = field(default_factory=FileSettings)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        d, s, a, f = DatabaseSettings(), ServerSettings(), AuthSettings(), FileSettings()
        return cls(
            database=DatabaseSettings(
                url=env.get("DATABASE_URL") or None,
                data_dir=Path(env.get("THIDUA_DATA_DIR", d.data_dir)),
                app_password=env.get("THIDUA_APP_PASSWORD", d.app_password),
                pool_min_size=int(env.get("THIDUA_POOL_MIN", d.pool_min_size)),
                pool_max_size=int(env.get("THIDUA_POOL_MAX", d.pool_max_size)),
                append_calls=int(env.get("THIDUA_APPEND_CALLS", d.append_calls)),
            ),
            server=ServerSettings(
                host=env.get("THIDUA_HOST", s.host),
                port=int(env.get("THIDUA_PORT", s.port)),
                dev_mode=_flag(env.get("THIDUA_DEV"), s.dev_mode),
                load_demo=_flag(env.get("THIDUA_DEMO"), True),
                run_projections=_flag(env.get("THIDUA_RUNNER"), True),
            ),
            auth=AuthSettings(
                jwt_secret=env.get("THIDUA_JWT_SECRET", a.jwt_secret),
                token_ttl_s=int(env.get("THIDUA_TOKEN_TTL", a.token_ttl_s)),
            ),
            telemetry=TelemetrySettings(
                service_name=env.get("OTEL_SERVICE_NAME") or "thidua",
                traces_exporter=_names(env.get("OTEL_TRACES_EXPORTER")),
                metrics_exporter=_names(env.get("OTEL_METRICS_EXPORTER")),
                otlp_endpoint=env.get("OTEL_EXPORTER_OTLP_ENDPOINT") or None,
                disabled=_flag(env.get("OTEL_SDK_DISABLED"), False),
            ),
            files=FileSettings(
                store=env.get("THIDUA_FILE_STORE", f.store).strip().lower(),
                directory=Path(env.get("THIDUA_FILE_DIR", f.directory)),
                max_bytes=int(env.get("THIDUA_FILE_MAX_BYTES", f.max_bytes)),
            ),
        )


def _names(raw: str | None) -> tuple[str, ...]:
    """`console,otlp` -> ("console", "otlp"); `none` and blanks drop out."""
    names = (part.strip().lower() for part in (raw or "").split(","))
    return tuple(name for name in names if name and name != "none")


def _flag(raw: str | None, default: bool) -> bool:
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}
