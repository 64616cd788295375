"""The import-linter contract knows every module: a module in DANCU_MODULES that is missing
from the layers in pyproject.toml would be unconstrained, so this fails first."""

from __future__ import annotations

import tomllib
from pathlib import Path

from django.conf import settings

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
FOUNDATION = {"dancu.web", "dancu.directory", "dancu.accounts", "dancu.core"}
# Services every domain module may call (below the domain layer, above directory).
SHARED_SERVICES = {"dancu.notifications"}


def _layers() -> list[set[str]]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    return [{part.strip() for part in layer.replace(":", "|").split("|")} for layer in contract["layers"]]


def test_every_module_is_in_a_layer():
    in_layers = set().union(*_layers())
    assert set(settings.DANCU_MODULES) | {"dancu.core"} <= in_layers


def test_domain_modules_share_one_independent_layer_between_shell_and_directory():
    layers = _layers()
    assert layers[0] == {"dancu.web"} and layers[-3:] == [{"dancu.directory"}, {"dancu.accounts"}, {"dancu.core"}]
    domain = set(settings.DANCU_MODULES) - FOUNDATION - SHARED_SERVICES
    assert layers[1] == domain
    assert layers[2] == SHARED_SERVICES
