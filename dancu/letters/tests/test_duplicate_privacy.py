"""Issue 12, item 5 (privacy): the duplicate hints never reveal a sealed denouncer's identity,
whichever way they are shown, now that the engine matches fuzzily (a name without diacritics,
the same commune, the same given name): the intake hint, the duplicates section of a letter's
page, and the batch command (ids, flags and scores only)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from dancu.core.text import fold
from dancu.letters import duplicates, selectors, services

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db

SECRET_BITS = [SECRET_NAME, fold(SECRET_NAME), "Bí Ẩn", "0912 345 678", "0912345678", "345 678", "042190001234"]
DENUNCIATION = "Ông Nguyễn Văn Địa chính xã Kỳ Tân lấn chiếm đất rừng phòng hộ, xây nhà trái phép"


def _reason_words() -> list[str]:
    with translation.override("vi"):
        return [str(w) for w in duplicates.REASON_WORDS.values()]


def _assert_nothing_of_the_writer(html: str) -> None:
    folded = fold(html)
    for bit in SECRET_BITS:
        assert bit not in html and fold(bit) not in folded, bit


def test_the_intake_hint_of_a_fuzzy_match_with_a_sealed_letter_says_only_that(
    client, make_letter, specialist, delegation
):
    sealed = make_letter()  # a denunciation by SECRET_NAME: sealed
    client.force_login(specialist)
    typed = {
        "receiving_body": delegation.pk,
        "name": "TRAN THI BI AN",  # capitals, no diacritics: the engine's name variants
        "address": "thon 3 xa Ky Tan",
        "subject": "Tố cáo lấn chiếm đất rừng",
        "content": DENUNCIATION,
    }
    hints = selectors.intake_duplicate_hints(
        specialist, receiving_body=delegation, **{k: v for k, v in typed.items() if k != "receiving_body"}
    )
    assert [h["letter"].pk for h in hints] == [sealed.pk]
    assert hints[0]["sealed"] and not hints[0]["person"] and hints[0]["reasons"] == [] and "score" not in hints[0]
    html = client.post(reverse("letters:intake_duplicates"), typed).content.decode()
    assert gettext("Possible duplicate of a sealed letter: ask a person with the reveal right.") in html
    assert sealed.number not in html and sealed.subject not in html
    for words in _reason_words() + [gettext("same person"), gettext("same content")]:
        assert words not in html, words
    _assert_nothing_of_the_writer(html.replace("TRAN THI BI AN", ""))


def test_the_letter_page_shows_no_reason_nor_score_for_a_sealed_match(
    client, make_letter, specialist, office_admin
):
    sealed = make_letter()
    # A complaint by a namesake-like writer of the same commune about the same land.
    probe = make_letter(
        kind="complaint",
        subject="Khiếu nại việc lấn chiếm đất rừng",
        content=DENUNCIATION,
        identity=services.Identity(name="Trần Thị Bí Ẩn", address="Thôn 3, xã Kỳ Tân"),
    )
    (hint,) = [h for h in selectors.duplicate_proposals(specialist, probe) if h["letter"].pk == sealed.pk]
    assert hint["sealed"] and hint["reasons"] == [] and "score" not in hint and "why" not in hint
    client.force_login(specialist)
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": probe.pk})).content.decode()
    row = page[page.index('class="sealed-hint"') :].split("</tr>", 1)[0]
    for words in _reason_words() + [gettext("same person"), gettext("same content")]:
        assert words not in row, words
    assert "duplicate-why" not in row
    # From the sealed letter's page, the complainant's identity is not tied to the denouncer.
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": sealed.pk})).content.decode()
    row = page[page.index('class="sealed-hint"') :].split("</tr>", 1)[0]
    assert "duplicate-why" not in row and gettext("same person") not in row
    _assert_nothing_of_the_writer(page)
    # The reveal right shows why (the check is the same; only the wording differs).
    client.force_login(office_admin)
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": probe.pk})).content.decode()
    assert 'class="sealed-hint"' not in page and "duplicate-why" in page


def test_the_batch_command_writes_ids_flags_and_scores_only(tmp_path):
    rows = [
        {"id": "a1", "name": SECRET_NAME, "phone": "0912 345 678", "id_number": "042190001234",
         "address": "Thôn 3, xã Kỳ Tân", "content": DENUNCIATION, "kind": "denunciation"},
        {"id": "b2", "name": "TRAN THI BI AN", "phone": "+84912345678", "address": "xa Ky Tan",
         "content": DENUNCIATION + " Đơn lần 2.", "kind": "denunciation"},
    ]  # fmt: skip
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": "sqlite:////nonexistent/x"}  # no database at all
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "letters_duplicates", str(source), "--output", str(out)],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [set(line) for line in lines] == [{"id", "duplicates"}] * 2
    assert lines[0]["duplicates"][0]["id"] == "b2"
    for line in lines:
        for dup in line["duplicates"]:
            assert set(dup) == {"id", "same_person", "same_content", "score"}
            assert isinstance(dup["score"], float) and isinstance(dup["same_person"], bool)
    everything = out.read_text(encoding="utf-8") + done.stdout + done.stderr
    for bit in [*SECRET_BITS, "TRAN THI BI AN", "84912345678", "Ky Tan", "Kỳ Tân", "lấn chiếm"]:
        assert bit not in everything and fold(bit) not in fold(everything), bit
