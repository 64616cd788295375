"""Test data of the petitions module."""

from __future__ import annotations

import datetime
import importlib

from django.apps import apps

from dancu.petitions import services
from dancu.petitions.models import PetitionRule

# The smallest file every PDF reader opens: an answer's attachment in tests.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def seed_rules() -> int:
    """The deadline rules, as migration 0002 seeds them (a transactional test flushes the
    database, rules included); returns how many rules there are."""
    importlib.import_module("dancu.petitions.migrations.0002_search_and_rules").seed(apps, None)
    return PetitionRule.objects.count()


def forward(w, agency, petitions, number="15/VP-TH", when=datetime.date(2025, 10, 1)):
    """A forwarding batch of the world's round (`pworld`), made by its specialist."""
    return services.batch_create(
        actor=w["specialist"],
        round=w["round"],
        agency=agency,
        petitions=list(petitions),
        dispatch_number=number,
        dispatch_date=when,
    )
