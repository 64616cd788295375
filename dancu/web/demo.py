"""`load_demo`: every module's demo data, in the order of settings.DANCU_MODULES, then the
demo logins."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from dancu.core.modules import hooks
from dancu.directory.demo import format_logins


def load_demo(stdout: SupportsWrite[str] | None = None) -> dict[str, Any]:
    """Load the demo (idempotent) and return each module's counts; print the demo logins."""
    result: dict[str, Any] = {}
    for manifest, load in hooks("demo"):
        result[manifest.name] = load(stdout=stdout)
    if stdout is not None:
        if "directory" in result:
            stdout.write(str(result["directory"]["summary"]) + "\n\n")
        stdout.write(format_logins())
    return result
