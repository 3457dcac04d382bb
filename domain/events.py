"""Event versioning helper shared by the aggregates."""

from __future__ import annotations

from eventsourcing.domain import Aggregate


def versioned(cls: type[Aggregate]) -> type[Aggregate]:
    """Give the aggregate and each of its event classes `class_version = 1`.

    Stored events then carry an explicit version from the first day, so an
    `upcast_v1_v2` can be added when an event's shape changes.
    """
    cls.class_version = 1
    for value in list(vars(cls).values()):
        if isinstance(value, type) and issubclass(value, Aggregate.Event):
            if "class_version" not in vars(value):
                value.class_version = 1
    return cls
