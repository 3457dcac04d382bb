"""The schema is typed: the JSON scalar only where the auditors read raw event bodies and
metadata (and the rollup's metrics, typed by the rollup's own work), enums for every
enumerated value, each built from the domain's own list, every field documented."""

from __future__ import annotations

from graphql import GraphQLEnumType, GraphQLObjectType, get_named_type

from api.graphql.schema import build_schema
from domain.organisation import UnitKind
from domain.plan.values import KINDS, RELATIONS, STANDARDS
from domain.rules_data import ENTRIES

# Raw event bodies and metadata and the state they fold into: the auditors' views.
AUDITORS_JSON = {("EventRecord", "body"), ("EventRecord", "metadata"), ("AggregateStateView", "state"),
                 ("AuditReadView", "detail")}
ROLLUP_JSON = {("Rollup", "metrics"), ("RollupChild", "metrics")}  # issue 15's rollup part
TYPED = ("planCascade", "registrations", "reports", "nominations", "awards", "quotaUse", "plans", "plan",
         "tenants", "unit", "searchUnits", "unitChildren", "missingReports")


def _schema():
    return build_schema()._schema


def _objects(schema):
    return {n: t for n, t in schema.type_map.items() if isinstance(t, GraphQLObjectType) and not n.startswith("__")}


def test_the_json_scalar_is_left_only_in_the_auditors_views():
    schema = _schema()
    json_fields = {(n, f) for n, t in _objects(schema).items() for f, field in t.fields.items()
                   if get_named_type(field.type).name == "JSON"}
    assert json_fields - ROLLUP_JSON == AUDITORS_JSON
    for name in TYPED:
        assert isinstance(get_named_type(schema.query_type.fields[name].type), GraphQLObjectType), name


def test_enumerated_values_are_enums_built_from_the_domains_lists():
    types = _schema().type_map
    values = {n: set(t.values) for n, t in types.items() if isinstance(t, GraphQLEnumType) and not n.startswith("__")}
    assert values["UnitKind"] == {k.name for k in UnitKind}
    assert values["PlanKind"] == {k.upper() for k in KINDS}
    assert values["ParentRelation"] == {r.upper() for r in RELATIONS}
    assert values["Standard"] == {s.upper() for s in STANDARDS}
    assert values["PlanStatus"] == {"DRAFTED", "ISSUED", "LAUNCHED", "INTERIM_REVIEW", "FINAL_REVIEW", "CLOSED"}
    assert "REVOKED" in values["NominationStatus"] and "DECIDED" in values["NominationStatus"]
    assert values["Authority"] == {a.upper() for e in ENTRIES if e["topic"] == "authority" for a in e["value"]}
    assert "BANG_KHEN_LDLD_TINH" in values["AwardRuleKey"]
    fields = _objects(_schema())
    assert get_named_type(fields["OrgUnit"].fields["kind"].type).name == "UnitKind"
    assert get_named_type(fields["Nomination"].fields["status"].type).name == "NominationStatus"
    assert get_named_type(fields["Plan"].fields["status"].type).name == "PlanStatus"


def test_every_query_and_new_type_is_documented():
    schema = _schema()
    undocumented = [n for n, f in schema.query_type.fields.items() if not f.description]
    assert undocumented == []
    for name in ("Plan", "Phase", "Deadline", "AwardForm", "QuotaRule", "Registration", "Target", "Report",
                 "Nomination", "Award", "QuotaUse", "CascadePlan", "Tenant", "PageInfo"):
        assert schema.type_map[name].description, name
