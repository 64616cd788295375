"""The petition list and filter pages `bench/http_load.py petitions` requests (the
1,000,000-petition bench database), signed in as the demo province's office admin.

Hot (60 %): nine pages a specialist opens (the list, a field filter, status + level, two rounds,
one with a field, two text searches, one with a status, page 200 and a filtered page 20),
served from the rows cache after the first request. Cold (40 %): 600 URLs that mostly miss the
cache: a random page (1-400) of the list or of a field, and a search for a random pair of words
of the petitions' vocabulary.
"""

from __future__ import annotations

import random

USERNAME = "vanphong"
MARKER = b"<table"


def reset_caches() -> None:
    from dancu.petitions.listing import VERSION

    VERSION.bump()  # every cached count and rows block becomes stale


def urls(cold_size: int = 600) -> list[tuple[str, str]]:
    from dancu.directory.models import AdministrativeUnit
    from dancu.petitions.models import Round

    province = AdministrativeUnit.objects.get(key="p2025:42")
    rounds = list(
        Round.objects.filter(province=province).order_by("-start_date").values_list("pk", flat=True)
    )
    from dancu.petitions.fields import FIELD_CODES

    base = "/kien-nghi/kien-nghi/"
    hot = [
        base,
        base + "?field=giao_thong_xay_dung",
        base + "?status=closed&level=province",
        base + f"?round={rounds[0]}",
        base + f"?round={rounds[min(3, len(rounds) - 1)]}&field=dat_dai",
        base + "?q=quoc+lo",
        base + "?q=nuoc+sach&status=forwarded",
        base + "?page=200",
        base + "?field=y_te&page=20",
    ]
    rng = random.Random(7)  # noqa: S311
    words = [
        "duong", "dien", "nuoc", "dat", "truong", "tram", "y", "te", "cau", "kenh", "muong",
        "bao", "hiem", "ho", "ngheo", "lu", "rac", "thai", "cap", "giay", "so", "do", "quoc", "lo",
        "thon", "xa", "huyen", "tien", "luong", "giao", "vien", "hoc", "sinh", "benh", "vien",
    ]  # fmt: skip
    fields = sorted(FIELD_CODES)
    # Cold: `cold_size` DISTINCT URLs (a 20-connection run must never repeat one): a page of the
    # list, of a field, of a field and a status, and searches for word pairs and triples.
    statuses = ["draft", "confirmed", "forwarded", "answered", "closed"]
    cold_set: set[str] = set()
    while len(cold_set) < cold_size:
        kind = rng.randrange(4)
        if kind == 0:
            cold_set.add(f"{base}?page={rng.randrange(1, 401)}")
        elif kind == 1:
            cold_set.add(f"{base}?field={rng.choice(fields)}&page={rng.randrange(1, 60)}")
        elif kind == 2:
            cold_set.add(
                f"{base}?field={rng.choice(fields)}&status={rng.choice(statuses)}&page={rng.randrange(1, 20)}"
            )
        else:
            n = rng.choice((2, 3))
            cold_set.add(f"{base}?q=" + "+".join(rng.choice(words) for _ in range(n)))
    cold = sorted(cold_set)
    weight = max(1, round(len(cold) * 1.5 / len(hot)))
    return [("hot", u) for u in hot for _ in range(weight)] + [("cold", u) for u in cold]
