"""The eventsourcing library's own PostgreSQL recorder (psycopg, synchronous), as an
eventsourcing application would use it: `PostgresApplicationRecorder.insert_events`."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qs, unquote, urlsplit
from uuid import uuid4

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore

from infra.records import NewEvent

TABLE = "bench_es_events"


def open_recorder(admin_url: str, pool_size: int) -> PostgresApplicationRecorder:
    """A recorder on its own table; close with `recorder.datastore.close()`."""
    parts = urlsplit(admin_url)
    query = parse_qs(parts.query)
    datastore = PostgresDatastore(
        dbname=parts.path.lstrip("/") or "postgres",
        host=query.get("host", [parts.hostname or "127.0.0.1"])[0],
        port=parts.port or 5432,
        user=unquote(parts.username or "postgres"),
        password=unquote(parts.password or ""),
        pool_size=pool_size,
    )
    recorder = PostgresApplicationRecorder(datastore, events_table_name=TABLE)
    recorder.create_table()
    return recorder


class RecorderWriter:
    def __init__(self, recorder: PostgresApplicationRecorder, events: Sequence[NewEvent]):
        self.recorder = recorder
        self.states = [(e.topic, e.body.encode()) for e in events]

    def command(self) -> int:
        stream = uuid4()
        self.recorder.insert_events([
            StoredEvent(originator_id=stream, originator_version=version, topic=topic, state=state)
            for version, (topic, state) in enumerate(self.states, start=1)
        ])
        return len(self.states)
