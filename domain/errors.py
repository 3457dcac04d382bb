"""Domain errors: a rule was broken. Each carries a stable `code` and the `rule` name.

The API edge maps `code` to a problem response; `rule` tells an auditor which
clause (plan section, law article or lifecycle step) refused the command.
"""

from __future__ import annotations


class DomainError(Exception):
    code = "DOMAIN_ERROR"

    def __init__(self, message: str, *, rule: str, message_vi: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule
        self.message_vi = message_vi

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, rule={self.rule!r}, {self.message!r})"


class BadInput(DomainError):
    """A value is malformed or missing."""
    code = "BAD_INPUT"


class DeadlinePassed(DomainError):
    """A deadline has passed and the policy refuses."""
    code = "DEADLINE_PASSED"


class QuotaExceeded(DomainError):
    """No slot left in an award quota."""
    code = "QUOTA_EXCEEDED"


class PriorityNotRespected(DomainError):
    """A slot is held for priority nominees."""
    code = "PRIORITY_NOT_RESPECTED"


class InvalidTransition(DomainError):
    """The lifecycle does not allow this step now."""
    code = "INVALID_TRANSITION"


class NomineeKindNotAllowed(DomainError):
    """The plan does not award this nominee kind."""
    code = "NOMINEE_KIND_NOT_ALLOWED"


class AuthorityNotAllowed(DomainError):
    """The decider may not give this award form."""
    code = "AUTHORITY_NOT_ALLOWED"


class Duplicate(DomainError):
    """The thing already exists."""
    code = "DUPLICATE"


class StandardsNotMet(DomainError):
    """The nominee does not meet the plan's standards."""
    code = "STANDARDS_NOT_MET"


class DossierIncomplete(DomainError):
    """The dossier lacks a required document."""
    code = "DOSSIER_INCOMPLETE"


class OutOfScope(DomainError):
    """The unit is not within the plan's scope."""
    code = "OUT_OF_SCOPE"


class FileTooLarge(DomainError):
    """A dossier file is over the size limit."""
    code = "PAYLOAD_TOO_LARGE"


class UnsupportedFileType(DomainError):
    """A dossier file's content is not of an accepted type."""
    code = "UNSUPPORTED_MEDIA_TYPE"
