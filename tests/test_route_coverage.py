"""Every URL of the project is covered by some module's permission matrix: a new page without
an entry in its module's `tests/test_permissions.py` ROUTES (named by its manifest) fails."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

from dancu.core.modules import hooks


def all_route_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace == "admin":
                    continue
                walk(p.url_patterns, f"{prefix}{p.namespace}:" if p.namespace else prefix)
            elif isinstance(p, URLPattern) and p.name:
                names.add(prefix + p.name)

    walk(get_resolver().url_patterns)
    return names


def covered_routes() -> set[str]:
    return {name for _manifest, routes in hooks("matrix_routes") for name in routes}


def test_every_route_is_in_a_matrix():
    missing = all_route_names() - covered_routes()
    assert not missing, f"add these routes to their module's permission matrix: {sorted(missing)}"


def test_the_matrices_name_only_real_routes():
    stale = covered_routes() - all_route_names()
    assert not stale, f"these matrix entries name no route: {sorted(stale)}"
