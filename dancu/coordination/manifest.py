"""The coordination module's manifest: what it brings to the shared pieces (dancu.core.modules)."""

from dancu.core.modules import ModuleManifest

MANIFEST = ModuleManifest(name="coordination")
