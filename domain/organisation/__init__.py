"""Organisation model: units whose tree changes over time (domain.md §1, decisions 8-9).

- `OrgUnit`: the aggregate; commands take the business `effective` date.
- `UnitChange` / `changes_from_events`: plain facts a read side builds from.
- `OrgTimeline`: the tree as of any day, as now, and who carries a merged unit's history.
"""

from domain.organisation.changes import ChangeType, UnitChange, change_from_event, changes_from_events
from domain.organisation.errors import (
    ChangeBeforeCreation, CreatesCycle, EnterpriseFlagNotAllowed, HasActiveChildren, InvalidParent, InvalidSplit,
    InvalidUnitName, NotActiveOnDate, OrgError, SelfReference, StillReferenced, UnitEnded, UnknownUnit,
)
from domain.organisation.kinds import LEVELS, UPPER_LEVEL_UNIONS, UnitKind, may_sit_under
from domain.organisation.names import fold_name, normalise_name
from domain.organisation.timeline import NOW, OrgTimeline
from domain.organisation.unit import OrgUnit
from domain.organisation.views import UnitView

__all__ = [
    "LEVELS", "NOW", "UPPER_LEVEL_UNIONS",
    "ChangeBeforeCreation", "ChangeType", "CreatesCycle", "EnterpriseFlagNotAllowed", "HasActiveChildren",
    "InvalidParent", "InvalidSplit", "InvalidUnitName", "NotActiveOnDate", "OrgError",
    "OrgTimeline", "OrgUnit", "SelfReference", "StillReferenced", "UnitChange", "UnitEnded", "UnitKind",
    "UnitView", "UnknownUnit",
    "change_from_event", "changes_from_events", "fold_name", "may_sit_under", "normalise_name",
]
