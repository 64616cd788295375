"""A test module with a narrow `busy` hook beside its `calendar_events` hook (core.events.BusyQuery)."""

from dancu.core.modules import ModuleManifest

MANIFEST = ModuleManifest(name="toy_busy", calendar_events="dancu.scheduling.tests.toy_busy.calendar:events")
