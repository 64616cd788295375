"""The petition list and filter pages `bench/http_load.py petitions` requests (the
1,000,000-petition bench database), signed in as the demo province's office admin.

Nine pages a specialist opens: the list, a field filter, status + level, two rounds (one with
a field), two text searches (one with a status), page 200 and a filtered page 20, each equally
likely.
"""

from __future__ import annotations

USERNAME = "vanphong"
MARKER = b"<table"


def reset_caches() -> None:
    from dancu.petitions.paging import bump_version

    bump_version()


def urls() -> list[tuple[str, str]]:
    from dancu.directory.models import AdministrativeUnit
    from dancu.petitions.models import Round

    province = AdministrativeUnit.objects.get(key="p2025:42")
    rounds = list(
        Round.objects.filter(province=province).order_by("-start_date").values_list("pk", flat=True)
    )
    base = "/kien-nghi/kien-nghi/"
    return [
        ("cold", base),
        ("cold", base + "?field=giao_thong_xay_dung"),
        ("cold", base + "?status=closed&level=province"),
        ("cold", base + f"?round={rounds[0]}"),
        ("cold", base + f"?round={rounds[3]}&field=dat_dai"),
        ("cold", base + "?q=quoc+lo"),
        ("cold", base + "?q=nuoc+sach&status=forwarded"),
        ("cold", base + "?page=200"),
        ("cold", base + "?field=y_te&page=20"),
    ]
