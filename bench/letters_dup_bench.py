"""Latency of the intake duplicate check (issue 12) on N letters of one province in PostgreSQL.

    createdb -h 127.0.0.1 -U postgres dancu_letters_dup
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_letters_dup
    .venv/bin/python manage.py migrate -v0
    .venv/bin/python bench/letters_dup_bench.py generate 100000
    .venv/bin/python bench/letters_dup_bench.py measure
    .venv/bin/python bench/letters_dup_bench.py jsonl 10000 /tmp/letters-10k.jsonl   # for the batch command

`generate` writes letters as the intake does (sealed identity, keyed hashes, the engine's
profile and blocking keys) with bulk inserts, from the people, real Hà Tĩnh / Nghệ An units
and matter templates of `bench/letters_dup_pairs.py`: 30,000 writers (common names shared),
each writing 1-3 matters, each matter sent 1-4 times with the variations citizens make.
`measure` types in 200 new letters (variants of registered ones, and unrelated ones) and
times `selectors.intake_duplicate_hints` (the intake check: probe, one candidate query, the
comparisons), sequentially; baselines in the same run: the name-equality query and the
candidate query of the rule before issue 12 (name/ID/phone/address hash or target).
"""

from __future__ import annotations

import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

import letters_dup_pairs as gen  # noqa: E402
from django.db import connection  # noqa: E402

from dancu.accounts.models import RoleAssignment, User  # noqa: E402
from dancu.core.text import fold  # noqa: E402
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, UnitLevel  # noqa: E402
from dancu.letters import crypto, duplicates, selectors  # noqa: E402
from dancu.letters.matching import blocking_keys, profile_of  # noqa: E402
from dancu.letters.models import Letter, LetterMatchKey, LetterRuleSet  # noqa: E402

PROVINCE_KEY = "bench-dup:42"
rng = random.Random(99)  # noqa: S311 - bench data


def setup() -> tuple[Body, Body, User]:
    province, _ = AdministrativeUnit.objects.get_or_create(
        key=PROVINCE_KEY,
        defaults={"code": "942", "name": "Tỉnh Hà Tĩnh", "short_name": "Hà Tĩnh", "level": UnitLevel.PROVINCE,
                  "unit_type": "tỉnh"},
    )  # fmt: skip
    delegation, _ = Body.objects.get_or_create(
        name="Đoàn ĐBQH tỉnh Hà Tĩnh (bench)",
        defaults={"kind": BodyKind.NA_DELEGATION, "province": province, "unit": province},
    )
    standing, _ = Body.objects.get_or_create(
        name="Thường trực HĐND tỉnh Hà Tĩnh (bench)",
        defaults={"kind": BodyKind.STANDING_COMMITTEE, "province": province, "unit": province},
    )
    office, _ = Body.objects.get_or_create(
        name="Văn phòng tỉnh Hà Tĩnh (bench)",
        defaults={"kind": BodyKind.OFFICE, "province": province, "unit": province},
    )
    user, created = User.objects.get_or_create(username="bench.dup", defaults={"full_name": "Bench"})
    if created:
        RoleAssignment.objects.create(user=user, body=office, role="specialist")
    return delegation, standing, user


def sample_letter(writers: list[dict], matters: list[list[dict]]) -> dict:
    w = rng.randrange(len(writers))
    p, m = writers[w], rng.choice(matters[w])
    return gen.letter(
        p, m, received=gen.day(), name_how=rng.choice(gen.NAME_HOWS), phone_how=rng.choice(gen.PHONE_HOWS),
        id_how=rng.choice(["cccd", "cmnd", "empty"]), addr_how=rng.choice(["old", "new", "old_short", "new_short"]),
        wording=rng.choice([0, 1]), drop=rng.random() < 0.3,
    )  # fmt: skip


def population() -> tuple[list[dict], list[list[dict]]]:
    gen.rng.seed(5)
    writers = [gen.new_person() for _ in range(30_000)]
    matters = [
        [
            gen.new_matter(rng.randrange(len(gen.TEMPLATES)), p["place"], p["thon"])
            for _ in range(rng.randint(1, 3))
        ]
        for p in writers
    ]
    return writers, matters


def generate(n: int) -> None:
    delegation, standing, _user = setup()
    rule_set = LetterRuleSet.objects.order_by("-valid_from").first()
    writers, matters = population()
    existing = Letter.objects.filter(province_id=delegation.province_id).count()
    t0 = time.monotonic()
    batch: list[tuple[Letter, list[str]]] = []
    for i in range(existing, n):
        x = sample_letter(writers, matters)
        identity = {k: x[k] for k in ("name", "id_number", "phone", "address") if x[k]}
        profile = profile_of(
            name=x["name"], id_number=x["id_number"], phone=x["phone"], address=x["address"],
            content=x["content"], target=x["target"], province_hint="Tỉnh Hà Tĩnh",
        )  # fmt: skip
        hashes = crypto.identity_hashes(
            name=x["name"], id_number=x["id_number"], phone=x["phone"], address=x["address"]
        )
        received = datetime.date.fromisoformat(x["received"])
        letter = Letter(
            province_id=delegation.province_id,
            receiving_body=delegation if rng.random() < 0.5 else standing,
            number=f"{received:%Y}/b{i + 1}",
            received_date=received,
            channel="post",
            kind=x["kind"],
            subject=x["content"][:80],
            content=x["content"],
            target=x["target"],
            content_folded=fold(x["content"]),
            target_key=fold(x["target"])[:300],
            sealed_identity=crypto.seal(identity) if identity else "",
            seal_key=crypto.key_id(),
            match_profile=profile.stored(),
            identity_sealed=x["kind"] == "denunciation",
            status="received",
            rule_set=rule_set,
            deadlines={},
            **hashes,
        )
        batch.append((letter, blocking_keys(profile)))
        if len(batch) == 5000:
            _flush(batch)
            batch = []
            print(f"{i + 1} letters, {time.monotonic() - t0:.0f} s", flush=True)
    if batch:
        _flush(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE letters_letter")
        cursor.execute("ANALYZE letters_lettermatchkey")
    print(
        f"done: {Letter.objects.count()} letters, {LetterMatchKey.objects.count()} keys, {time.monotonic() - t0:.0f} s"
    )


def _flush(batch: list[tuple[Letter, list[str]]]) -> None:
    letters = Letter.objects.bulk_create([letter for letter, _k in batch])
    LetterMatchKey.objects.bulk_create(
        [
            LetterMatchKey(letter_id=letter.pk, key=k)
            for letter, (_l, keys) in zip(letters, batch, strict=True)
            for k in keys
        ],
        batch_size=20_000,
    )


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000


def measure(probes: int = 200) -> None:
    delegation, _standing, user = setup()
    writers, matters = population()
    gen.rng.seed(77)
    rng.seed(77)
    typed = [sample_letter(writers, matters) if i % 4 else _unrelated() for i in range(probes)]
    # Warm the process (unit tables, connection) as a running server is.
    selectors.intake_duplicate_hints(user, receiving_body=delegation, name="Nguyễn Văn A", phone="0912000000")
    ours, by_name, today, found = [], [], [], 0
    scope = Letter.objects.filter(province_id=delegation.province_id)
    for x in typed:
        fields = {k: x[k] for k in ("name", "id_number", "phone", "address", "content", "target")}
        t = time.perf_counter()
        hints = selectors.intake_duplicate_hints(user, receiving_body=delegation, subject="", **fields)
        ours.append(time.perf_counter() - t)
        found += bool(hints)
        hashes = crypto.identity_hashes(
            name=x["name"], id_number=x["id_number"], phone=x["phone"], address=x["address"]
        )
        t = time.perf_counter()
        list(scope.filter(name_hash=hashes["name_hash"]).exclude(name_hash="")[:20])
        by_name.append(time.perf_counter() - t)
        probe = duplicates.Signals(
            **hashes, target_key=fold(x["target"])[:300], content_folded=fold(x["content"])
        )
        t = time.perf_counter()
        list(scope.filter(duplicates.candidate_filter(probe)).order_by("-received_date", "-id")[:300])
        today.append(time.perf_counter() - t)
    print(f"letters: {scope.count()}, keys: {LetterMatchKey.objects.count()}; {len(typed)} letters typed in, "
          f"{found} with hints")  # fmt: skip
    for label, values in (
        ("intake check (engine)", ours),
        ("baseline: name-equality query", by_name),
        ("baseline: candidate query of the rule before issue 12 (no comparison)", today),
    ):
        print(f"{label}: p50 {pct(values, 0.5):.1f} ms, p95 {pct(values, 0.95):.1f} ms")


def _unrelated() -> dict:
    p = gen.new_person()
    m = gen.new_matter(rng.randrange(len(gen.TEMPLATES)), p["place"], p["thon"])
    return gen.letter(p, m, received=gen.day())


def write_jsonl(n: int, path: str) -> None:
    """N letters as `letters_duplicates` reads them (for timing the batch command)."""
    import json

    writers, matters = population()
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(n):
            f.write(json.dumps(sample_letter(writers, matters), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["jsonl"]:
        write_jsonl(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["generate"]:
        generate(int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
    else:
        measure()
