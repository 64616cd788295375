"""A test module that publishes work items (core.events.WorkItem) through its manifest, the way
petitions, letters or coordination will: the tests put items in ITEMS per user id."""

from dancu.core.modules import ModuleManifest

MANIFEST = ModuleManifest(name="toy_work", work_items="dancu.notifications.tests.toy_work.hooks:items")
