"""Check an export file with no database: every line's canonical text against its fields, and
the hash chain from genesis to the trailer. Names the first bad position."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from infra.hash_chain import ChainLink, ChainWalker

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_CANONICAL_FIELDS = ("tenant_id", "position", "stream_id", "version", "topic", "class_version",
                     "recorded_at_us", "body", "metadata")


@dataclass(frozen=True)
class ExportReport:
    ok: bool
    tenant_id: str | None
    events: int
    head_position: int
    head_hash: str
    first_bad_position: int | None = None
    line: int | None = None
    reason: str = ""


class ExportInvalid(Exception):
    def __init__(self, line: int, position: int, reason: str):
        super().__init__(reason)
        self.line, self.position, self.reason = line, position, reason


def verify_export(path: str | Path, expected_head_hash: str | None = None) -> ExportReport:
    """Verify the file; `expected_head_hash` (hex, obtained independently, e.g. from
    `thidua audit verify`) also rules out an export rewritten consistently from end to end."""
    walker = ChainWalker("?")
    checker = _Checker(walker)
    try:
        with open(path, encoding="utf-8") as lines:
            for number, text in enumerate(lines, start=1):
                checker.line(number, text)
        checker.finish(expected_head_hash)
    except ExportInvalid as bad:
        return ExportReport(False, checker.tenant_id, checker.events, walker.position,
                            walker.hash.hex(), bad.position, bad.line, bad.reason)
    return ExportReport(True, checker.tenant_id, checker.events, walker.position, walker.hash.hex())


class _Checker:
    def __init__(self, walker: ChainWalker):
        self.walker, self.tenant_id, self.events = walker, None, 0
        self.trailer_seen, self.number = False, 0

    def fail(self, reason: str, position: int | None = None) -> ExportInvalid:
        return ExportInvalid(self.number, position or self.walker.position + 1, reason)

    def line(self, number: int, text: str) -> None:
        self.number = number
        try:
            obj = json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError:
            raise self.fail(f"line {number} is not valid JSON") from None
        kind = obj.get("kind") if isinstance(obj, dict) else None
        if self.trailer_seen:
            raise self.fail(f"line {number} follows the trailer")
        if number == 1:
            self._header(obj, kind)
        elif kind == "event":
            self._event(obj)
        elif kind == "trailer":
            self._trailer(obj)
        else:
            raise self.fail(f"line {number} has an unknown kind {kind!r}")

    def finish(self, expected_head_hash: str | None) -> None:
        if self.tenant_id is None:
            raise self.fail("the file is empty")
        if not self.trailer_seen:
            raise self.fail("no trailer: the export is truncated")
        if expected_head_hash is not None and expected_head_hash.lower() != self.walker.hash.hex():
            raise self.fail("the head hash differs from the one expected", self.walker.position)

    def _header(self, obj: dict[str, Any], kind: Any) -> None:
        if kind != "header" or not isinstance(obj.get("tenant_id"), str):
            raise self.fail("line 1 is not an export header")
        self.tenant_id = obj["tenant_id"]
        self.walker.tenant_id = self.tenant_id

    def _event(self, obj: dict[str, Any]) -> None:
        position = obj.get("position") if isinstance(obj.get("position"), int) else None
        here = position or self.walker.position + 1
        if position != self.walker.position + 1:
            raise self.fail("missing or out of order", self.walker.position + 1)
        if obj.get("tenant_id") != self.tenant_id:
            raise self.fail("the event belongs to another tenant than the header", here)
        if obj.get("previous_hash") != self.walker.hash.hex():
            raise self.fail("previous_hash does not link to the prior line", here)
        self._check_canonical(obj, here)
        try:
            link = ChainLink(position, obj["canonical"], bytes.fromhex(obj["hash"]))
        except (KeyError, TypeError, ValueError):
            raise self.fail("the hash is missing or not hex", here) from None
        if not self.walker.step(link):
            raise self.fail(self.walker.broken.reason, here)
        self.events += 1

    def _check_canonical(self, obj: dict[str, Any], here: int) -> None:
        canonical = obj.get("canonical")
        try:
            parsed = json.loads(canonical, parse_float=Decimal)
        except (TypeError, json.JSONDecodeError):
            raise self.fail("the canonical text is missing or not JSON", here) from None
        fields = [obj.get(name) for name in _CANONICAL_FIELDS]
        if not isinstance(parsed, list) or len(parsed) != len(fields):
            raise self.fail("the canonical text is not a 9-element array", here)
        for name, a, b in zip(_CANONICAL_FIELDS, parsed, fields):
            if not same(a, b):
                raise self.fail(f"{name} differs from the canonical text", here)
        if not _same_moment(obj.get("recorded_at"), obj.get("recorded_at_us")):
            raise self.fail("recorded_at differs from recorded_at_us", here)

    def _trailer(self, obj: dict[str, Any]) -> None:
        self.trailer_seen = True
        head = (obj.get("head_position"), obj.get("head_hash"))
        if head != (self.walker.position, self.walker.hash.hex()) or obj.get("events") != self.events:
            raise self.fail("the trailer and the chain disagree")


def same(a: Any, b: Any) -> bool:
    """Equal JSON values of equal JSON types (so `true` is not `1`), dict order ignored."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def _same_moment(iso: Any, micros: Any) -> bool:
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return False
    delta = moment - EPOCH
    return isinstance(micros, int) and (delta.days * 86400 + delta.seconds) * 10**6 + delta.microseconds == micros
