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
    from django.test.utils import override_settings

    result: dict[str, Any] = {}
    # The demo's events (a task assigned, an answer arrived) notify in the app but never send
    # e-mail: demo addresses are not real mailboxes, even where SMTP is configured.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        for manifest, load in hooks("demo"):
            result[manifest.name] = load(stdout=stdout)
    if stdout is not None:
        if "directory" in result:
            stdout.write(str(result["directory"]["summary"]) + "\n\n")
        stdout.write(format_logins())
    return result
