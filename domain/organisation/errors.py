"""Rules of the org tree that a command or a query can break."""

from __future__ import annotations

from domain.errors import DomainError


class OrgError(DomainError):
    code = "ORG_RULE"
    default_rule = "org"

    def __init__(self, message: str, *, rule: str = "", message_vi: str = "") -> None:
        super().__init__(message, rule=rule or self.default_rule, message_vi=message_vi)


class InvalidUnitName(OrgError):
    code, default_rule = "ORG_INVALID_NAME", "org.name.required"


class InvalidParent(OrgError):
    """National body has no parent; others need one at a higher level."""
    code, default_rule = "ORG_INVALID_PARENT", "org.parent.level"


class NotActiveOnDate(OrgError):
    """A parent or successor that did not exist on the effective date."""
    code, default_rule = "ORG_NOT_ACTIVE_ON_DATE", "org.reference.active"


class ChangeBeforeCreation(OrgError):
    code, default_rule = "ORG_CHANGE_BEFORE_CREATION", "org.change.after_creation"


class UnitEnded(OrgError):
    """The unit was merged, split or dissolved on or before that date."""
    code, default_rule = "ORG_UNIT_ENDED", "org.change.before_end"


class SelfReference(OrgError):
    code, default_rule = "ORG_SELF_REFERENCE", "org.reference.not_self"


class CreatesCycle(OrgError):
    code, default_rule = "ORG_CYCLE", "org.tree.acyclic"


class InvalidSplit(OrgError):
    code, default_rule = "ORG_INVALID_SPLIT", "org.split.successors"


class UnknownUnit(OrgError):
    code, default_rule = "ORG_UNKNOWN_UNIT", "org.unit.known"


class EnterpriseFlagNotAllowed(OrgError):
    """Only a grassroots union can be flagged as an enterprise union."""
    code, default_rule = "ORG_ENTERPRISE_FLAG", "org.enterprise.grassroots_only"


class HasActiveChildren(OrgError):
    """Units still under a unit on the day it ends must be moved first."""
    code, default_rule = "ORG_HAS_ACTIVE_CHILDREN", "org.end.no_children"


class StillReferenced(OrgError):
    """Another unit merges or splits into this one on or after the day it would end."""
    code, default_rule = "ORG_STILL_REFERENCED", "org.end.not_referenced"
