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


def urls(cold_size: int = 20000) -> list[tuple[str, str]]:
    order = Letter.objects.filter(province__code__isnull=False).order_by("-received_date", "-id")
    head = list(order.only("id", "received_date")[:1001])
    hot = [
        "/don-thu/",
        f"/don-thu/?after={make_cursor(head[min(24, len(head) - 1)])}",
        "/don-thu/?kind=complaint",
        "/don-thu/?status=forwarded",
        f"/don-thu/?after={make_cursor(head[min(974, len(head) - 1)])}",  # page 40
        "/don-thu/?q=xa+so+17",
    ]
    rng = random.Random(7)  # noqa: S311
    max_id = Letter.objects.order_by("-id").values_list("id", flat=True).first() or 1
    # Cold: as many distinct URLs as asked (a 20-connection run must never repeat one): pages
    # at random cursors, and searches for a commune and a number nobody searched before.
    ids = [rng.randrange(1, max_id) for _ in range(cold_size // 2)]
    cursors = [make_cursor(x) for x in Letter.objects.filter(pk__in=ids).only("id", "received_date")]
    searches = {f"/don-thu/?q=xa+so+{n}" for n in rng.sample(range(1, 10_000_000), cold_size - len(cursors))}
    # Shuffled, not sorted: the run takes them in order, and a sorted pool would send only
    # the first kind (`?after=`) in a 20 s phase.
    cold = sorted({f"/don-thu/?after={c}" for c in cursors} | searches)
    rng.shuffle(cold)
    # 60 % hot: each hot URL repeated so that a random pick is hot 6 times in 10.
    weight = max(1, round(len(cold) * 1.5 / len(hot)))
    return [("hot", u) for u in hot for _ in range(weight)] + [("cold", u) for u in cold]
