"""Award decisions (quyết định khen thưởng) as documents, and the issuer's register of numbers.

A decision names many recipients (the nominations it decides) and takes its number from the
issuer's register for the year: 1, 2, 3 … with no gap and no repeat. The register is an
aggregate saved in the same append as the decision and its nominations; two decisions racing
for the next number write the same register version, the store accepts one, and the other
is decided again from the start and takes the number after. A refused decision saves
nothing, so it takes no number.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.errors import BadInput, Duplicate, InvalidTransition
from domain.events import versioned
from domain.ids import decision_id, decision_register_id
from domain.text import required

MAX_RECIPIENTS = 500


@versioned
class DecisionRegister(Aggregate):
    """Sổ đăng ký quyết định of one issuing unit for one calendar year."""

    @staticmethod
    def create_id(tenant: str, issuer_unit_id: UUID, year: int, **_: object) -> UUID:
        return decision_register_id(tenant, issuer_unit_id, year)

    @event("DecisionRegisterOpened")
    def __init__(self, tenant: str, issuer_unit_id: UUID, year: int) -> None:
        self.tenant, self.issuer_unit_id, self.year = tenant, issuer_unit_id, year
        self.last = 0

    def next_entry(self) -> tuple[int, UUID]:
        """The number the next decision takes, and that decision's id."""
        return self.last + 1, decision_id(self.id, self.last + 1)

    def take_number(self, on: date) -> tuple[int, UUID]:
        if on.year != self.year:
            raise BadInput(f"a decision of {on:%d/%m/%Y} is not in the {self.year} register",
                           rule="decision.register.year",
                           message_vi=f"Quyết định ngày {on:%d/%m/%Y} không thuộc sổ đăng ký năm {self.year}")
        sequence, entry_id = self.next_entry()
        self._number_taken(sequence, entry_id)
        return sequence, entry_id

    @event("DecisionNumberTaken")
    def _number_taken(self, sequence: int, decision_id: UUID) -> None:
        self.last = sequence


@versioned
class AwardDecision(Aggregate):
    @staticmethod
    def create_id(register_id: UUID, sequence: int, **_: object) -> UUID:
        return decision_id(register_id, sequence)

    @event("DecisionIssued")
    def __init__(self, tenant: str, issuer_unit_id: UUID, register_id: UUID, sequence: int, number: str,
                 decided_on: date, signer: str, authority: str, title: str, recipients: list[UUID]) -> None:
        self.tenant, self.issuer_unit_id, self.register_id = tenant, issuer_unit_id, register_id
        self.sequence, self.number, self.decided_on = sequence, number, decided_on
        self.signer, self.authority, self.title, self.recipients = signer, authority, title, recipients
        self.revoked: dict[str, dict] = {}  # nomination id (hex) → reason and day

    def revoke_recipient(self, nomination_id: UUID, reason: str, on: date) -> None:
        if nomination_id not in self.recipients:
            raise BadInput(f"nomination {nomination_id} is not a recipient of decision {self.number}",
                           rule="decision.revoke.recipient",
                           message_vi=f"Đề nghị không có tên trong quyết định số {self.number}")
        if nomination_id.hex in self.revoked:
            raise InvalidTransition("this recipient's award is already revoked", rule="decision.revoke.once",
                                    message_vi="Khen thưởng của đối tượng này đã bị thu hồi")
        self._recipient_revoked(nomination_id, required(reason, "reason"), on)

    @event("DecisionRecipientRevoked")
    def _recipient_revoked(self, nomination_id: UUID, reason: str, on: date) -> None:
        self.revoked = {**self.revoked, nomination_id.hex: {"reason": reason, "on": on}}


def decision_number(sequence: int, symbol: str) -> str:
    """Decree 30/2020: "Số: 12/QĐ-LĐLĐ": the register's number, then the document's symbol."""
    return f"{sequence}/{required(symbol, 'symbol')}"


def check_recipients(nomination_ids: list[UUID]) -> None:
    if not nomination_ids:
        raise BadInput("a decision names at least one recipient", rule="decision.recipients",
                           message_vi="Quyết định phải có ít nhất một đối tượng được khen thưởng")
    if len(nomination_ids) > MAX_RECIPIENTS:
        raise BadInput(f"a decision names at most {MAX_RECIPIENTS} recipients", rule="decision.recipients",
                           message_vi=f"Một quyết định có tối đa {MAX_RECIPIENTS} đối tượng")
    if len(set(nomination_ids)) != len(nomination_ids):
        raise Duplicate("a nomination is named twice in the decision", rule="decision.recipients.once",
                            message_vi="Một đề nghị được ghi hai lần trong quyết định")
