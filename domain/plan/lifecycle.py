"""Plan lifecycle: drafted → issued → launched → (amended) → interim_review → final_review → closed."""

from __future__ import annotations

from domain.errors import InvalidTransition

# command → (statuses it may start from, status it leads to; None keeps the status)
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    "issue": (frozenset({"drafted"}), "issued"),
    "launch": (frozenset({"issued"}), "launched"),
    "amend": (frozenset({"launched", "interim_review"}), None),
    "begin_interim_review": (frozenset({"launched"}), "interim_review"),
    # Some plans hold no interim review (seed 001 is a 90-day sprint).
    "begin_final_review": (frozenset({"launched", "interim_review"}), "final_review"),
    "declare_end_condition_met": (frozenset({"launched", "interim_review", "final_review"}), None),
    "close": (frozenset({"final_review"}), "closed"),
    "link_parent": (frozenset({"drafted", "issued", "launched", "interim_review"}), None),
}


def check_transition(status: str, command: str) -> None:
    allowed, target = TRANSITIONS[command]
    if status not in allowed:
        rule = f"plan.lifecycle.{command}"
        raise InvalidTransition(
            f"cannot {command.replace('_', ' ')} a plan that is {status}; "
            f"allowed from: {', '.join(sorted(allowed))}",
            rule=rule,
            message_vi=f"Không thể thực hiện '{command}' khi kế hoạch ở trạng thái '{status}'",
        )
