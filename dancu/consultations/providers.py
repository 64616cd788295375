"""Capabilities this module provides to others (manifest `provides`, core.modules.provided)."""

from __future__ import annotations


def coordination_counts(province_id: int, year: int) -> dict[str, int]:
    """Figures of the year's consultations in a province, for the coordination module's
    reports: drafts, sent, conferences, recipients asked/answered/on time, comments, voter
    comments, proposals, proposals taken up."""
    from .selectors import coordination_counts as counts

    return counts(province_id, year)
