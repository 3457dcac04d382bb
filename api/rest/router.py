"""REST commands under /api/v1; every handler receives the verified `principal`."""

from __future__ import annotations

import hashlib

from litestar import Request, Router
from litestar.datastructures import UploadFile
from litestar.di import Provide

from api.auth.request import provide_principal
from api.json_input import decode_json
from api.rest.accounts import AccountCommands
from api.rest.awards import AwardCommands, QuotaCommands
from api.rest.commanding import FINGERPRINT, request_fingerprint
from api.rest.decisions import DecisionCommands
from api.rest.documents import DocumentDownloads
from api.rest.exports import ListExports
from api.rest.files import NominationFiles, RegistrationFiles
from api.rest.nominations import NominationCommands
from api.rest.org_import import OrgTreeSheets
from api.rest.org_unit_changes import OrgUnitChanges
from api.rest.org_units import OrgUnitCommands
from api.rest.personal_tokens import PersonalTokenCommands
from api.rest.plan_lifecycle import PlanLifecycle
from api.rest.plans import PlanCommands
from api.rest.registrations import RegistrationCommands
from api.rest.reports import ReportCommands
from api.rest.sessions import AccountLinks, SessionCommands
from api.rest.tenants import TenantCommands

MULTIPART_OVERHEAD = 64 * 1024  # the form's other fields, boundaries and part headers


def command_router(max_file_bytes: int) -> Router:
    # Uploads may be larger than a JSON command: their own limit, from the file settings.
    uploads = Router(path="/", route_handlers=[NominationFiles, RegistrationFiles],
                     request_max_body_size=max_file_bytes + MULTIPART_OVERHEAD)
    return Router(path="/api/v1", route_handlers=[TenantCommands, OrgUnitCommands, OrgUnitChanges, OrgTreeSheets,
                                                  PlanCommands, PlanLifecycle, RegistrationCommands, ReportCommands,
                                                  NominationCommands, AwardCommands, QuotaCommands, DecisionCommands,
                                                  DocumentDownloads, ListExports, SessionCommands, AccountLinks,
                                                  AccountCommands, PersonalTokenCommands, uploads],
                  dependencies={"principal": Provide(provide_principal)},
                  before_request=check_json_body,
                  security=[{"BearerToken": []}])


async def check_json_body(request: Request) -> None:
    """Refuse a JSON body that the handlers' decoder would choke on (see api/json_input.py),
    and keep the request's fingerprint for the idempotency key (api/rest/commanding.py). An
    upload (multipart/form-data) is fingerprinted by its fields and its files' sha256, not by
    its bytes: a client's retry carries a new boundary. Its handler checks the content."""
    if request.content_type[0].startswith("multipart/"):
        body: object = await _form_fingerprint(request)
    else:
        raw = await request.body()
        body = decode_json(raw) if raw else None
    request.state[FINGERPRINT] = request_fingerprint(request.method, request.url.path, body)


async def _form_fingerprint(request: Request) -> list[list[str]]:
    fields = []
    for name, value in (await request.form()).multi_items():
        if isinstance(value, UploadFile):
            content = await value.read()
            await value.seek(0)  # the handler reads it again
            value = hashlib.sha256(content).hexdigest()
        fields.append([name, str(value)])
    return sorted(fields)
