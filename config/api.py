"""The JSON API under /api/v1, built from the modules' manifests (dancu.web.api)."""

from dancu.web.api import build_api

api = build_api()
