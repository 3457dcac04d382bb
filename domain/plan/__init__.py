"""The campaign plan (kế hoạch phát động phong trào thi đua).

- `aggregate`: the Plan aggregate, its commands and events;
- `values`: the value objects a plan is drafted from (phases, deadlines, award forms, ...);
- `draft`, `checks`: validating drafting input; `lifecycle`: which command may run when;
- `queries`: read-only questions asked of a plan; `schedule`: its reporting days.
"""

from domain.plan.aggregate import Plan
from domain.plan.values import (SUBJECTS, AwardForm, Criteria, Deadline, DossierItem, ParentLink, Period,
                                Phase, QuotaRule, ReportSchedule, to_data)

__all__ = [
    "SUBJECTS",
    "AwardForm", "Criteria", "Deadline", "DossierItem", "ParentLink", "Period", "Phase", "Plan",
    "QuotaRule", "ReportSchedule",
    "to_data",
]
