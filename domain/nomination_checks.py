"""Facts and checks for nominations: nominee kind, dossier, standards, lifecycle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from domain.errors import DossierIncomplete, InvalidTransition, NomineeKindNotAllowed, StandardsNotMet
from domain.plan import AwardForm, DossierItem

# command → statuses it may start from
ALLOWED_FROM: dict[str, frozenset[str]] = {
    "attach_document": frozenset({"drafted", "returned"}),
    "submit": frozenset({"drafted"}),
    "resubmit": frozenset({"returned"}),
    "return_for_correction": frozenset({"submitted"}),
    "receive": frozenset({"submitted"}),
    "appraise": frozenset({"received"}),
    "record_council_vote": frozenset({"appraised"}),
    "forward_up": frozenset({"voted"}),
    "decide": frozenset({"voted", "forwarded"}),
    "reject": frozenset({"submitted", "received", "appraised", "voted", "forwarded"}),
    "revoke": frozenset({"decided"}),
}


@dataclass(frozen=True)
class NomineeRecord:
    """Facts the application gathers (registrations, reports, discipline) before a decision."""

    registered: bool
    registered_on_time: bool
    exceeded_targets: bool
    reports_on_time: bool
    under_discipline: bool = False

    def meets(self, standard: str) -> bool:
        return {"registered": self.registered, "registered_on_time": self.registered_on_time,
                "exceeded_targets": self.exceeded_targets,
                "reported_on_time": self.reports_on_time}[standard]


def check_step(status: str, command: str) -> None:
    if status not in ALLOWED_FROM[command]:
        raise InvalidTransition(
            f"cannot {command.replace('_', ' ')} a nomination that is {status}; "
            f"allowed from: {', '.join(sorted(ALLOWED_FROM[command]))}",
            rule=f"nomination.lifecycle.{command}",
            message_vi=f"Không thể thực hiện bước này khi đề nghị đang ở trạng thái {status}")


def check_nominee_kind(kind: str, plan_subjects: Iterable[str], form: AwardForm) -> None:
    if kind not in plan_subjects or kind not in form.subjects:
        raise NomineeKindNotAllowed(
            f"the plan awards {form.code} to {', '.join(form.subjects)} only, not {kind}",
            rule="plan.eligible_subjects",
            message_vi="Đối tượng đề nghị không thuộc đối tượng xét khen thưởng của kế hoạch")


def missing_documents(required: Iterable[DossierItem], attached: dict[str, int]) -> list[str]:
    return [f"{d.kind} x{d.copies}" for d in required if attached.get(d.kind, 0) < d.copies]


def check_dossier(required: Iterable[DossierItem], attached: dict[str, int]) -> None:
    missing = missing_documents(required, attached)
    if missing:
        raise DossierIncomplete(f"dossier lacks: {', '.join(missing)}", rule="plan.dossier",
                                message_vi="Hồ sơ đề nghị khen thưởng chưa đầy đủ")


def check_standards(standards: Iterable[str], record: NomineeRecord) -> None:
    if record.under_discipline:
        raise StandardsNotMet("no award while discipline or investigation is pending",
                              rule="law.no_award_under_discipline",
                              message_vi="Không khen thưởng khi đang bị xem xét kỷ luật hoặc điều tra")
    failed = [s for s in standards if not record.meets(s)]
    if failed:
        raise StandardsNotMet(f"standards not met: {', '.join(failed)}", rule="plan.standards",
                              message_vi="Chưa đạt tiêu chuẩn khen thưởng của kế hoạch")


def check_majority(present: int, votes_for: int, votes_against: int) -> None:
    if present <= 0 or votes_for + votes_against > present:
        raise InvalidTransition("votes exceed members present", rule="nomination.council_vote.count",
                                message_vi="Số phiếu vượt quá số thành viên có mặt")
