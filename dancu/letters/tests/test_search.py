"""The register's text filter, on SQLite (LIKE) and PostgreSQL (full-text index)."""

import pytest

from dancu.letters import selectors
from dancu.letters.search import filter_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(make_letter):
    road = make_letter(
        content="Đề nghị sửa chữa đường liên thôn xã số 7833 bị sạt lở", target="UBND xã Cẩm Bình"
    )
    land = make_letter(content="Khiếu nại việc thu hồi đất nông nghiệp", target="UBND huyện Kỳ Anh")
    other = make_letter(content="Phản ánh tiếng ồn của xưởng gỗ", target="Công ty Hoàng Long")
    return road, land, other


def _found(specialist, query):
    return set(filter_text(selectors.letters_visible(specialist), query).values_list("pk", flat=True))


def test_words_match_word_starts_in_content_or_target(three, specialist):
    road, land, other = three
    assert _found(specialist, "xã số 7833") == {road.pk}  # folded
    assert _found(specialist, "xa so 7833") == {road.pk}
    assert _found(specialist, "duong lien th") == {road.pk}  # the last word may be a start
    assert _found(specialist, "xa so 78") == set()  # a number is a whole word
    assert _found(specialist, "lien thon 7833 xa") == {road.pk}
    assert _found(specialist, "sat lo duong") == {road.pk}  # every word, in any order
    assert _found(specialist, "cam binh") == {road.pk}  # in the target only
    assert _found(specialist, "Kỳ Anh thu hồi") == {land.pk}
    assert _found(specialist, "xa so 7834") == set()
    assert _found(specialist, "ong") == set()  # not inside a word ("ồn", "Hoàng" do not count)
    assert _found(specialist, "hoang long") == {other.pk}


def test_number_matches_inside(three, specialist):
    road, _land, _other = three
    assert _found(specialist, road.number) == {road.pk}
    assert _found(specialist, road.number.split("/")[-1]) >= {road.pk}
    # Several words are never a register number: "2026 7833" is not searched in numbers.
    assert _found(specialist, "7833 xa") == {road.pk}


def test_punctuation_only_query_matches_nothing(three, specialist):
    assert _found(specialist, "%%") == set()
    assert _found(specialist, "  ") == set()
