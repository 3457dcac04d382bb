"""requirements.lock is what `make` installs: every dependency of pyproject.toml pinned there
with its hashes, and this environment holds exactly those versions."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)==(?P<version>\S+)(?: ; (?P<marker>[^\\]+?))? \\$")


def pins() -> dict[str, tuple[str, str | None, int]]:
    """name -> (version, marker, number of hashes)."""
    found: dict[str, tuple[str, str | None, int]] = {}
    name = None
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            name = canonicalize_name(match["name"])
            found[name] = (match["version"], match["marker"], 0)
        elif line.strip().startswith("--hash=sha256:") and name is not None:
            version, marker, hashes = found[name]
            found[name] = (version, marker, hashes + 1)
    return found


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["dev"]]]


def test_every_declared_dependency_is_pinned_within_its_range_with_hashes():
    locked = pins()
    assert len(locked) > 20
    for requirement in declared():
        version, _, hashes = locked[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(version, prereleases=True), (requirement, version)
    assert all(hashes > 0 for _, _, hashes in locked.values())


def test_this_environment_holds_the_locked_versions():
    for name, (version, marker, _) in pins().items():
        if marker is None or Marker(marker).evaluate():
            assert metadata.version(name) == version, name
