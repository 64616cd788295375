"""A test module whose work-items hook fails: "Việc của tôi" must skip it and say so."""

from dancu.core.modules import ModuleManifest

MANIFEST = ModuleManifest(name="toy_broken", work_items="dancu.notifications.tests.toy_broken.hooks:items")
