"""REST commands under /api/v1; every handler receives the verified `principal`."""

from __future__ import annotations

from litestar import Router
from litestar.di import Provide

from api.auth.request import provide_principal
from api.rest.awards import AwardCommands, QuotaCommands
from api.rest.decisions import DecisionCommands
from api.rest.files import NominationFiles, RegistrationFiles
from api.rest.nominations import NominationCommands
from api.rest.org_unit_changes import OrgUnitChanges
from api.rest.org_units import OrgUnitCommands
from api.rest.plan_lifecycle import PlanLifecycle
from api.rest.plans import PlanCommands
from api.rest.registrations import RegistrationCommands
from api.rest.reports import ReportCommands
from api.rest.tenants import TenantCommands


MULTIPART_OVERHEAD = 64 * 1024  # the form's other fields, boundaries and part headers


def command_router(max_file_bytes: int) -> Router:
    # Uploads may be larger than a JSON command: their own limit, from the file settings.
    uploads = Router(path="/", route_handlers=[NominationFiles, RegistrationFiles],
                     request_max_body_size=max_file_bytes + MULTIPART_OVERHEAD)
    return Router(path="/api/v1", route_handlers=[TenantCommands, OrgUnitCommands, OrgUnitChanges, PlanCommands,
                                                  PlanLifecycle, RegistrationCommands, ReportCommands,
                                                  NominationCommands, AwardCommands, QuotaCommands,
                                                  DecisionCommands, uploads],
                  dependencies={"principal": Provide(provide_principal)},
                  security=[{"BearerToken": []}])
