"""The petition list and filter pages `bench/http_load.py petitions` requests (the
1,000,000-petition bench database), signed in as the demo province's office admin.

Hot (60 %): nine pages a specialist opens (the list, a field filter, status + level, two rounds,
one with a field, two text searches, one with a status, page 200 by cursor and a filtered page
by cursor), served from the rows cache after the first request (with the cache on). Cold
(40 %): `cold_size` DISTINCT URLs (none repeats within a phase): a page of the list at a random
depth (keyset cursor `?after=<id>`), of a field, of a field and a status, and a search for a
random pair or triple of words of the petitions' vocabulary.
"""

from __future__ import annotations

import random

USERNAME = "vanphong"
MARKER = b"<table"


def reset_caches() -> None:
    from dancu.petitions.listing import VERSION

    VERSION.bump()  # every cached count and rows block becomes stale


def urls(cold_size: int = 20000) -> list[tuple[str, str]]:
    from dancu.directory.models import AdministrativeUnit
    from dancu.petitions.models import Round

    province = AdministrativeUnit.objects.get(key="p2025:42")
    rounds = list(
        Round.objects.filter(province=province).order_by("-start_date").values_list("pk", flat=True)
    )
    from dancu.petitions.fields import FIELD_CODES

    base = "/kien-nghi/kien-nghi/"
    from dancu.petitions.models import Petition

    visible = Petition.objects.filter(province=province).order_by("-id")
    ids = list(visible.values_list("id", flat=True)[:5001])
    low = visible.order_by("id").values_list("id", flat=True).first() or 1
    high = ids[0] if ids else 2
    hot = [
        base,
        base + "?field=giao_thong_xay_dung",
        base + "?status=closed&level=province",
        base + f"?round={rounds[0]}",
        base + f"?round={rounds[min(3, len(rounds) - 1)]}&field=dat_dai",
        base + "?q=quoc+lo",
        base + "?q=nuoc+sach&status=forwarded",
        base + f"?after={ids[min(4999, len(ids) - 1)]}",  # page 200
        base + f"?field=y_te&after={ids[min(2000, len(ids) - 1)]}",
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
        after = rng.randrange(low, high + 1)
        if kind == 0:
            cold_set.add(f"{base}?after={after}")
        elif kind == 1:
            cold_set.add(f"{base}?field={rng.choice(fields)}&after={after}")
        elif kind == 2:
            cold_set.add(f"{base}?field={rng.choice(fields)}&status={rng.choice(statuses)}&after={after}")
        else:
            n = rng.choice((2, 3))
            cold_set.add(f"{base}?q=" + "+".join(rng.choice(words) for _ in range(n)))
    # Shuffled, not sorted: the run takes them in order, and a sorted pool would send only
    # the first kind (`?after=`) in a 20 s phase.
    cold = sorted(cold_set)
    rng.shuffle(cold)
    weight = max(1, round(len(cold) * 1.5 / len(hot)))
    return [("hot", u) for u in hot for _ in range(weight)] + [("cold", u) for u in cold]
