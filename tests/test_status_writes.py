"""No status is written outside the workflow machinery (dancu/core/workflow.py).

The scan reads every module's source (not tests, not migrations) and fails on:
`x.status = ...` (also `+=`, annotated), `setattr(x, "status", ...)`, `status=` in an
`.update(...)` / `.update_or_create(...)` call, and "status" among `bulk_update` fields.
Creating a record in its initial state (`objects.create(status=flow.initial)`) is allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "dancu"
MACHINERY = {ROOT / "core" / "workflow.py"}
STATUS = "status"
UPDATE_CALLS = {"update", "update_or_create"}


def status_writes(source: str) -> list[int]:
    """Line numbers of status writes in `source`."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for sub in ast.walk(target):
                    if isinstance(sub, ast.Attribute) and sub.attr == STATUS and isinstance(sub.ctx, ast.Store):
                        lines.append(node.lineno)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in UPDATE_CALLS and any(k.arg == STATUS for k in node.keywords):
                lines.append(node.lineno)
            if name == "update_or_create":
                for k in node.keywords:
                    if (
                        k.arg == "defaults"
                        and isinstance(k.value, ast.Dict)
                        and any(isinstance(key, ast.Constant) and key.value == STATUS for key in k.value.keys)
                    ):
                        lines.append(node.lineno)
            if name == "setattr" and len(node.args) >= 2:
                arg = node.args[1]
                if isinstance(arg, ast.Constant) and arg.value == STATUS:
                    lines.append(node.lineno)
            if name == "bulk_update":
                fields = node.args[1] if len(node.args) > 1 else next(
                    (k.value for k in node.keywords if k.arg == "fields"), None
                )
                if fields is not None and any(
                    isinstance(c, ast.Constant) and c.value == STATUS for c in ast.walk(fields)
                ):
                    lines.append(node.lineno)
    return sorted(set(lines))


def module_files() -> list[Path]:
    return [
        p
        for p in ROOT.rglob("*.py")
        if "migrations" not in p.parts and "tests" not in p.parts and p not in MACHINERY
    ]


def test_no_status_write_outside_the_workflow_machinery():
    found = []
    for path in module_files():
        for line in status_writes(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(ROOT.parent)}:{line}")
    assert not found, "status written outside core.workflow (use the module's Workflow): " + ", ".join(found)


def test_the_scan_catches_each_kind_of_status_write():
    """A test of the test: each forbidden shape is found, each allowed one is not."""
    forbidden = [
        "letter.status = 'resolved'",
        "obj.status: str = x",
        "a.b.status = 1",
        "Petition.objects.filter(pk=1).update(status='closed')",
        "Commitment.objects.update_or_create(pk=1, defaults={'status': 'kept'})",
        "setattr(obj, 'status', 'x')",
        "Letter.objects.bulk_update(rows, ['status', 'note'])",
        "Letter.objects.bulk_update(rows, fields=['status'])",
        "x.status, y = 1, 2",
    ]
    for snippet in forbidden:
        assert status_writes(snippet) == [1], snippet
    allowed = [
        "qs.filter(status='open')",
        "x = obj.status",
        "Letter.objects.create(status=FLOW.initial)",
        "obj.state = 'x'",
        "if obj.status == 'x': pass",
        "Petition.objects.filter(pk=1).update(text='x')",
    ]
    for snippet in allowed:
        assert status_writes(snippet) == [], snippet
