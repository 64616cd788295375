"""The register pages `bench/http_load.py letters` requests (the 1,000,000-letter bench database).

Hot (60 % of the URLs): pages many staff open (first page, next page, kind and status filters,
page 40 by cursor, a common search), served from the rows cache after the first request.
Cold (40 %): a page at one of 400 random depths and a search for a random commune number,
mostly cache misses, i.e. real queries and rendering.
"""

from __future__ import annotations

import random

from dancu.letters.models import Letter
from dancu.letters.paging import VERSION, make_cursor

USERNAME = "bench.chuyenvien"
MARKER = b"<table"


def reset_caches() -> None:
    VERSION.bump()  # every cached count and rows block becomes stale


def urls() -> list[tuple[str, str]]:
    order = Letter.objects.filter(province__code__isnull=False).order_by("-received_date", "-id")
    head = list(order.only("id", "received_date")[:1001])
    hot = [
        "/don-thu/",
        f"/don-thu/?after={make_cursor(head[24])}",
        "/don-thu/?kind=complaint",
        "/don-thu/?status=forwarded",
        f"/don-thu/?after={make_cursor(head[974])}",  # page 40
        "/don-thu/?q=xa+so+17",
    ]
    rng = random.Random(7)  # noqa: S311
    max_id = Letter.objects.order_by("-id").values_list("id", flat=True).first() or 1
    ids = [rng.randrange(1, max_id) for _ in range(400)]
    cursors = [make_cursor(x) for x in Letter.objects.filter(pk__in=ids).only("id", "received_date")]
    cold = [f"/don-thu/?after={c}" for c in cursors] + [
        f"/don-thu/?q=xa+so+{rng.randrange(1, 10000)}" for _ in range(400)
    ]
    # 60 % hot: each hot URL repeated so that a random pick is hot 6 times in 10.
    weight = max(1, round(len(cold) * 1.5 / len(hot)))
    return [("hot", u) for u in hot for _ in range(weight)] + [("cold", u) for u in cold]
