"""Words the review pages show for the domain's codes (plan and nomination statuses, unit
kinds, standards...). English here, marked with `_` so the translation test finds them; the
templates translate them with `_(labels.status[code])`."""

from __future__ import annotations


def _(message: str) -> str:  # marks a message for extraction; translated when drawn
    return message


STATUS = {
    "drafted": _("Drafted"), "issued": _("Issued"), "launched": _("Launched"), "amended": _("Amended"),
    "interim_review": _("Interim review"), "final_review": _("Final review"), "closed": _("Closed"),
    "submitted": _("Submitted"), "returned": _("Returned"), "received": _("Received"),
    "appraised": _("Appraised"), "voted": _("Voted"), "forwarded": _("Forwarded"), "decided": _("Decided"),
    "rejected": _("Rejected"), "revoked": _("Revoked"),
}
KIND = {"regular": _("Regular"), "thematic": _("Thematic"), "sprint": _("Sprint")}
SUBJECT = {"collective": _("Collectives"), "individual": _("Individuals")}
STANDARD = {
    "registered": _("Registered"), "registered_on_time": _("Registered on time"),
    "exceeded_targets": _("Exceeded the targets"), "reported_on_time": _("Reported on time"),
}
LATE_POLICY = {"refuse": _("Refuse late registrations"), "accept_mark_late": _("Accept, marked late")}
RELATION = {"implements": _("Implements"), "based_on": _("Based on"), "responds_to": _("Responds to"),
            "combined_with": _("Combined with")}
DOSSIER = {"submission_memo": _("Submission memo"), "review_minutes": _("Review minutes"),
           "achievement_report": _("Achievement report"), "endorsement": _("Endorsement")}
UNIT_KIND = {
    "national_body": _("National body"), "province_federation": _("Province federation"),
    "sector_union": _("Sector union"), "department": _("Department"),
    "district_federation": _("District federation"), "commune_union": _("Commune union"),
    "industrial_zone_union": _("Industrial zone union"), "grassroots_union": _("Grassroots union"),
    "public_service_unit": _("Public service unit"), "division": _("Division"),
}
AUTHORITY = {
    "central_sector_union_executive": _("Executive of a central sector union"),
    "department_director": _("Director of a department"),
    "district_federation_standing_committee": _("Standing committee of the district federation"),
    "enterprise_director": _("Director of the enterprise"), "head_of_unit": _("Head of the unit"),
    "national_confederation": _("Vietnam General Confederation of Labour"),
    "province_chairman": _("Chairman of the province People's Committee"),
    "province_federation_executive": _("Executive committee of the province federation"),
    "upper_union_standing_committee": _("Standing committee of the upper-level union"),
}
IMPORT_STATUS = {"new": _("New"), "changed": _("Changed"), "unchanged": _("Unchanged"), "rejected": _("Refused")}


class Labels:
    status, kind, subject, standard, late_policy = STATUS, KIND, SUBJECT, STANDARD, LATE_POLICY
    relation, dossier, unit_kind, import_status = RELATION, DOSSIER, UNIT_KIND, IMPORT_STATUS
    authority = AUTHORITY
