"""Every projection of the platform, by name."""

from __future__ import annotations

from projections.engine.base import Projection


def projection_classes() -> dict[str, type[Projection]]:
    from projections.read_models.nominations import NominationsProjection
    from projections.read_models.org_tree import OrgTreeProjection
    from projections.read_models.plans import PlansProjection
    from projections.read_models.quotas import QuotasProjection
    from projections.read_models.registrations import RegistrationsProjection
    from projections.read_models.reports import ReportsProjection
    from projections.rollup.projection import RollupsProjection

    classes = [OrgTreeProjection, PlansProjection, RegistrationsProjection, ReportsProjection,
               NominationsProjection, QuotasProjection, RollupsProjection]
    return {cls.name: cls for cls in classes}


def all_projections() -> list[Projection]:
    return [cls() for cls in projection_classes().values()]
