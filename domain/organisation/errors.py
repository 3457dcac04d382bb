"""Rules of the org tree that a command or a query can break."""

from __future__ import annotations

from domain.errors import DomainError


class OrgError(DomainError):
    code = "ORG_RULE"
    default_rule = "org"
    vietnamese = ""  # the rule in the words an officer reads (the API's message_vi)

    def __init__(self, message: str, *, rule: str = "") -> None:
        super().__init__(message, rule=rule or self.default_rule, message_vi=self.vietnamese)


class InvalidUnitName(OrgError):
    code, default_rule = "ORG_INVALID_NAME", "org.name.required"
    vietnamese = "Tên đơn vị không được để trống"


class InvalidParent(OrgError):
    """National body has no parent; others need one at a higher level."""
    code, default_rule = "ORG_INVALID_PARENT", "org.parent.level"
    vietnamese = "Đơn vị cấp trên không hợp lệ (phải ở cấp cao hơn)"


class NotActiveOnDate(OrgError):
    """A parent or successor that did not exist on the effective date."""
    code, default_rule = "ORG_NOT_ACTIVE_ON_DATE", "org.reference.active"
    vietnamese = "Đơn vị được chọn không hoạt động vào ngày này"


class ChangeBeforeCreation(OrgError):
    code, default_rule = "ORG_CHANGE_BEFORE_CREATION", "org.change.after_creation"
    vietnamese = "Ngày thay đổi trước ngày thành lập đơn vị"


class UnitEnded(OrgError):
    """The unit was merged, split or dissolved on or before that date."""
    code, default_rule = "ORG_UNIT_ENDED", "org.change.before_end"
    vietnamese = "Đơn vị đã sáp nhập, chia tách hoặc giải thể trước ngày này"


class SelfReference(OrgError):
    code, default_rule = "ORG_SELF_REFERENCE", "org.reference.not_self"
    vietnamese = "Không thể chọn chính đơn vị này"


class CreatesCycle(OrgError):
    code, default_rule = "ORG_CYCLE", "org.tree.acyclic"
    vietnamese = "Không thể chuyển đơn vị về dưới đơn vị trực thuộc nó"


class InvalidSplit(OrgError):
    code, default_rule = "ORG_INVALID_SPLIT", "org.split.successors"
    vietnamese = "Chia tách cần ít nhất hai đơn vị mới"


class UnknownUnit(OrgError):
    code, default_rule = "ORG_UNKNOWN_UNIT", "org.unit.known"
    vietnamese = "Không tìm thấy đơn vị"


class EnterpriseFlagNotAllowed(OrgError):
    """Only a grassroots union can be flagged as an enterprise union."""
    code, default_rule = "ORG_ENTERPRISE_FLAG", "org.enterprise.grassroots_only"
    vietnamese = "Chỉ công đoàn cơ sở mới được đánh dấu là công đoàn doanh nghiệp"


class HasActiveChildren(OrgError):
    """Units still under a unit on the day it ends must be moved first."""
    code, default_rule = "ORG_HAS_ACTIVE_CHILDREN", "org.end.no_children"
    vietnamese = "Còn đơn vị trực thuộc đang hoạt động: hãy chuyển các đơn vị đó trước"


class StillReferenced(OrgError):
    """Another unit merges or splits into this one on or after the day it would end."""
    code, default_rule = "ORG_STILL_REFERENCED", "org.end.not_referenced"
    vietnamese = "Có đơn vị khác sáp nhập hoặc chia tách vào đơn vị này sau ngày đó"
