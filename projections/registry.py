"""Every projection of the platform, by name."""

from __future__ import annotations

from projections.base import Projection


def projection_classes() -> dict[str, type[Projection]]:
    from projections.nominations import NominationsProjection
    from projections.org_tree import OrgTreeProjection
    from projections.plans import PlansProjection
    from projections.quotas import QuotasProjection
    from projections.registrations import RegistrationsProjection
    from projections.reports import ReportsProjection
    from projections.rollups import RollupsProjection

    classes = [OrgTreeProjection, PlansProjection, RegistrationsProjection, ReportsProjection,
               NominationsProjection, QuotasProjection, RollupsProjection]
    return {cls.name: cls for cls in classes}


def all_projections() -> list[Projection]:
    return [cls() for cls in projection_classes().values()]
