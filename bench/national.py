"""The national shape: who the tenants are and how many units each holds (seeded).

1 national body (its own tenant), 34 province federations and 15 central sector unions
(one tenant each); upper-level unions and grassroots units shared out by seeded weights
(provinces weigh more than sector unions), every count exact.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    grassroots: int = 100_000
    upper_unions: int = 1_000
    provinces: int = 34
    sectors: int = 15
    report_days: int = 7
    """Reporting days each grassroots unit reports on (the plan reports on the 5th, 15th, 25th)."""
    nominations_per_upper: int = 2
    seed: int = 2025


FULL = Scale()
QUICK = Scale(grassroots=1_000, upper_unions=98)


@dataclass(frozen=True)
class TenantShape:
    tenant_id: str
    name: str
    kind: str
    """OrgUnit kind of the tenant's root: province_federation or sector_union."""
    grassroots_per_upper: tuple[int, ...]
    """One entry per upper-level union: how many grassroots units sit under it."""


def national_tenant(prefix: str) -> str:
    return f"{prefix}national"


def shape(scale: Scale, prefix: str = "") -> list[TenantShape]:
    rng = random.Random(scale.seed)
    kinds = ["province_federation"] * scale.provinces + ["sector_union"] * scale.sectors
    weights = [rng.uniform(0.5, 2.0) * (1.5 if k == "province_federation" else 1.0) for k in kinds]
    uppers = _share(scale.upper_unions, weights, minimum=1)
    grassroots = _share(scale.grassroots, uppers, minimum=0)
    tenants = []
    for i, (kind, n_upper, n_grass) in enumerate(zip(kinds, uppers, grassroots)):
        spread = [rng.uniform(0.3, 1.7) for _ in range(n_upper)]
        code = f"p{i + 1:02d}" if kind == "province_federation" else f"s{i - scale.provinces + 1:02d}"
        name = (f"Liên đoàn Lao động tỉnh {i + 1:02d}" if kind == "province_federation"
                else f"Công đoàn ngành Trung ương {i - scale.provinces + 1:02d}")
        tenants.append(TenantShape(f"{prefix}{code}", name, kind, tuple(_share(n_grass, spread, 0))))
    return tenants


def _share(total: int, weights: list[float], minimum: int) -> list[int]:
    """Largest-remainder split of `total` by `weights`, each at least `minimum`."""
    rest = total - minimum * len(weights)
    if rest < 0:
        raise ValueError(f"cannot give {len(weights)} parts at least {minimum} of {total}")
    exact = [rest * w / sum(weights) for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in by_remainder[: rest - sum(parts)]:
        parts[i] += 1
    return [p + minimum for p in parts]
