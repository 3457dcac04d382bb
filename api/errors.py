"""The ONE error mapper at the edge: any exception → a public error with a stable code.

REST turns a `PublicError` into RFC 9457 problem details (api/rest/problems.py), GraphQL
into an error with `extensions` (api/graphql/errors.py). Only the code, a fixed title and
the messages of our own coded errors reach a client: never a traceback or SQL text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

import asyncpg
from asyncpg.exceptions._base import InternalClientError  # not re-exported by asyncpg

from domain.errors import DomainError
from infra.errors import CodedError, DatabaseUnavailableError

log = logging.getLogger("thidua.api")
RETRY_AFTER_S = 5


@dataclass(frozen=True)
class PublicError:
    code: str
    status: int
    title: str
    message_en: str
    message_vi: str
    rule: str | None = None
    retry_after: int | None = None

    def extensions(self) -> dict[str, object]:
        ext: dict[str, object] = {"code": self.code, "status": self.status,
                                  "message_en": self.message_en, "message_vi": self.message_vi}
        if self.rule:
            ext["rule"] = self.rule
        if self.retry_after is not None:
            ext["retry_after"] = self.retry_after
        return ext


# code → (HTTP status, title, Vietnamese message used when the error carries none)
CODES: dict[str, tuple[int, str, str]] = {
    "BAD_INPUT": (400, "Bad input", "Dữ liệu đầu vào không hợp lệ"),
    "UNAUTHENTICATED": (401, "Authentication required", "Cần xác thực: token thiếu, sai hoặc đã hết hạn"),
    "FORBIDDEN": (403, "Forbidden", "Không có quyền thực hiện thao tác này"),
    "NOT_FOUND": (404, "Not found", "Không tìm thấy"),
    "CONFLICT": (409, "Conflict", "Xung đột phiên bản: dữ liệu đã được thay đổi, hãy tải lại"),
    "DUPLICATE": (409, "Duplicate", "Dữ liệu đã tồn tại"),
    "IDEMPOTENCY_KEY_REUSED": (422, "Idempotency key reused",
                               "Khóa Idempotency-Key đã được dùng cho một yêu cầu khác"),
    "PAYLOAD_TOO_LARGE": (413, "Payload too large", "Yêu cầu quá lớn"),
    "UNSUPPORTED_MEDIA_TYPE": (415, "Unsupported media type", "Kiểu nội dung không được hỗ trợ"),
    "METHOD_NOT_ALLOWED": (405, "Method not allowed", "Phương thức không được phép"),
    "LINK_INVALID": (400, "Link invalid", "Liên kết không hợp lệ, đã dùng hoặc đã hết hạn"),
    "TOO_MANY_REQUESTS": (429, "Too many requests", "Quá nhiều yêu cầu"),
    "UNAVAILABLE": (503, "Service unavailable", "Cơ sở dữ liệu tạm thời không truy cập được, hãy thử lại sau"),
    "FILE_DAMAGED": (500, "Stored file damaged", "Tệp đã lưu bị thay đổi hoặc mất; hãy báo quản trị viên"),
    "INTERNAL": (500, "Internal error", "Lỗi hệ thống"),
}
DOMAIN_STATUS = 422  # a well-formed command that a business rule refuses
DOMAIN_VI: dict[str, str] = {
    "DEADLINE_PASSED": "Đã quá hạn",
    "QUOTA_EXCEEDED": "Đã hết chỉ tiêu khen thưởng",
    "PRIORITY_NOT_RESPECTED": "Suất khen thưởng dành cho đối tượng ưu tiên",
    "INVALID_TRANSITION": "Thao tác không hợp lệ ở trạng thái hiện tại",
    "NOMINEE_KIND_NOT_ALLOWED": "Kế hoạch không khen thưởng loại đối tượng này",
    "AUTHORITY_NOT_ALLOWED": "Cấp quyết định không có thẩm quyền với hình thức khen thưởng này",
    "STANDARDS_NOT_MET": "Chưa đạt tiêu chuẩn của kế hoạch",
    "DOSSIER_INCOMPLETE": "Hồ sơ chưa đầy đủ",
    "OUT_OF_SCOPE": "Đơn vị không thuộc phạm vi của kế hoạch",
}


def public(code: str, message_en: str | None = None, message_vi: str | None = None,
           rule: str | None = None) -> PublicError:
    status, title, vi = CODES.get(code, (DOMAIN_STATUS, code.replace("_", " ").capitalize(), ""))
    vi = message_vi or vi or DOMAIN_VI.get(code, "Vi phạm quy tắc nghiệp vụ")
    retry = RETRY_AFTER_S if code == "UNAVAILABLE" else None
    return PublicError(code, status, title, message_en or title, vi, rule, retry)


def to_public(exc: BaseException) -> PublicError:
    """`classify`, and log what a server operator must see: an outage, an unexpected error."""
    error = classify(exc)
    if error.code == "UNAVAILABLE":
        log.warning("database unavailable: %s", type(exc).__name__)
    elif error.code == "INTERNAL":
        log.error("unexpected error at the edge", exc_info=exc)
    return error


def classify(exc: BaseException) -> PublicError:
    """The public error for `exc`, without logging anything."""
    if isinstance(exc, DomainError):
        return public(exc.code, exc.message, exc.message_vi or None, exc.rule)
    if is_database_unavailable(exc):
        return public("UNAVAILABLE", "The database is unavailable; retry later")
    if isinstance(exc, CodedError) and exc.code in CODES:  # its Vietnamese message and rule when it has them
        error = public(exc.code, str(exc) or None, exc.message_vi or None, getattr(exc, "rule", None))
        retry = getattr(exc, "retry_after", None)  # a lockout says when to try again
        return error if retry is None else replace(error, retry_after=retry)
    return public("INTERNAL", "Unexpected error")


def is_database_unavailable(exc: BaseException) -> bool:
    """Connection loss in its many shapes: refused, reset, closed mid-query, pool timeout, a
    server shutting down or out of connections, and a connection left mid-protocol by a
    restart (asyncpg: "cannot switch to state 15; another operation is in progress").
    The cause chain is searched too: a wrapper must not turn an outage into a 500."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if _is_unavailable(current):
            return True
        seen.add(id(current))
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return False


def _is_unavailable(exc: BaseException) -> bool:
    if isinstance(exc, asyncpg.InterfaceError):  # "connection is closed", but not bad arguments
        return not isinstance(exc, ValueError)  # asyncpg's argument errors are ValueErrors too
    return isinstance(exc, (
        DatabaseUnavailableError, OSError, TimeoutError, InternalClientError,
        asyncpg.PostgresConnectionError, asyncpg.InsufficientResourcesError,
        asyncpg.CannotConnectNowError, asyncpg.AdminShutdownError, asyncpg.CrashShutdownError,
    ))
