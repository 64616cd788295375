"""A test module with only a `calendar_events` hook (no `busy`): asked the slow, safe way."""

from dancu.core.modules import ModuleManifest

MANIFEST = ModuleManifest(name="toy_plain", calendar_events="dancu.scheduling.tests.toy_plain.hooks:events")
