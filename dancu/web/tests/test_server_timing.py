"""Server-Timing says whether a list's rows were rendered or came from the page cache (the
honest load harness, bench/http_load.py, counts the rendered share from it)."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/kien-nghi/kien-nghi/", "/don-thu/"])
def test_rows_rendered_then_cached(client, office_admin, url):
    cache.clear()
    client.force_login(office_admin)
    first = client.get(url)
    assert first.status_code == 200
    assert 'rows;desc="rendered"' in first["Server-Timing"] and "app;dur=" in first["Server-Timing"]
    second = client.get(url)
    assert 'rows;desc="cached"' in second["Server-Timing"]


def test_pages_without_rows_have_only_the_app_time(client, office_admin):
    client.force_login(office_admin)
    timing = client.get("/")["Server-Timing"]
    assert timing.startswith("app;dur=") and "rows" not in timing
