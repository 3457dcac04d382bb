"""Every refusal a rule raises carries its own Vietnamese message: officers read Vietnamese,
and the web app shows the rule's message next to the field it is about. A raise without one
would fall back to a general line ("Dữ liệu đầu vào không hợp lệ") that says nothing."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import domain
import domain.errors

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("domain", "services", "tenants", "audit", "documents", "projections")


def refusal_names() -> set[str]:
    """Every subclass of DomainError defined in domain/ (all its modules imported) that takes
    its Vietnamese message from the caller; one that writes its own (no `message_vi`
    parameter) is checked where it is defined."""
    for module in pkgutil.walk_packages(domain.__path__, "domain."):
        importlib.import_module(module.name)
    found, todo = set(), [domain.errors.DomainError]
    while todo:
        cls = todo.pop()
        if "message_vi" in inspect.signature(cls.__init__).parameters:
            found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


def refusals_without_vietnamese() -> list[str]:
    names, missing = refusal_names(), []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names
                        and not any(keyword.arg == "message_vi" for keyword in node.keywords)):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.func.id}")
    return missing


def test_the_check_sees_the_refusals():
    assert {"BadInput", "DeadlinePassed", "QuotaExceeded"} <= refusal_names()


def test_every_refusal_carries_its_vietnamese_message():
    assert refusals_without_vietnamese() == []
