"""Law-derived rules as configuration with effective dates (RuleBook).

Rules change (Luật TĐKT 06/2022/QH15, NĐ 98/2023 replaced by NĐ 152/2025 from 1 July 2025,
union rules QĐ 999/QĐ-TLĐ), so every entry carries effective_from / effective_to and its
source; a question is always asked "as on" a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from domain.errors import AuthorityNotAllowed, BadInput


@dataclass(frozen=True)
class RuleEntry:
    topic: str  # authority | quota | bonus | principle
    key: str
    value: Any
    effective_from: date
    effective_to: date | None  # inclusive; None = still in force
    source: str
    note: str = ""

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    @classmethod
    def from_data(cls, d: dict) -> RuleEntry:
        to = d.get("effective_to")
        return cls(d["topic"], d["key"], d["value"], date.fromisoformat(d["effective_from"]),
                   date.fromisoformat(to) if to else None, d["source"], d.get("note", ""))


class RuleBook:
    def __init__(self, entries: Iterable[RuleEntry]) -> None:
        self.entries = list(entries)
        self._check_no_overlap()

    @classmethod
    def from_data(cls, data: Iterable[dict]) -> RuleBook:
        return cls(RuleEntry.from_data(d) for d in data)

    def _check_no_overlap(self) -> None:
        # Two versions of one rule in force on the same day would make answers ambiguous.
        for a in self.entries:
            for b in self.entries:
                if a is not b and (a.topic, a.key) == (b.topic, b.key) and _overlap(a, b):
                    raise BadInput(f"rule {a.topic}/{a.key} has overlapping versions",
                                   rule="rules.no_overlap",
                                   message_vi=f"Quy định {a.topic}/{a.key} có các phiên bản chồng thời gian")

    def lookup(self, topic: str, key: str, on: date) -> RuleEntry | None:
        return next((e for e in self.entries if (e.topic, e.key) == (topic, key) and e.in_force(on)), None)

    def authority_allows(self, award_form: str, authority_level: str, on: date) -> bool:
        entry = self.lookup("authority", award_form, on)
        return entry is not None and authority_level in entry.value

    def check_authority(self, award_form: str, authority_level: str, on: date) -> None:
        if not self.authority_allows(award_form, authority_level, on):
            entry = self.lookup("authority", award_form, on)
            source = entry.source if entry else "no rule in force"
            raise AuthorityNotAllowed(
                f"{authority_level} may not decide {award_form} on {on} ({source})",
                rule=f"rules.authority.{award_form}",
                message_vi="Cấp quyết định không có thẩm quyền với hình thức khen thưởng này")


def _overlap(a: RuleEntry, b: RuleEntry) -> bool:
    a_end, b_end = a.effective_to or date.max, b.effective_to or date.max
    return a.effective_from <= b_end and b.effective_from <= a_end


def default_rulebook() -> RuleBook:
    """The rule configuration shipped with the package (domain/rules_data.py)."""
    from domain.rules_data import ENTRIES

    return RuleBook.from_data(ENTRIES)
