"""Vietnamese alphabetical order (core.text.vi_sort_key)."""

import pytest

from dancu.core.text import vi_sort_key


def _sorted(words, **kw):
    return sorted(words, key=lambda w: vi_sort_key(w, **kw))


def test_letter_order_a_breve_circumflex_and_d_bar():
    # a ă â b c d đ e ê ... o ô ơ ... u ư: the order of the Vietnamese alphabet, not code points.
    words = ["đ", "ư", "ơ", "ô", "ê", "â", "ă", "y", "u", "o", "e", "d", "a", "b"]
    assert _sorted(words) == ["a", "ă", "â", "b", "d", "đ", "e", "ê", "o", "ô", "ơ", "u", "ư", "y"]


def test_tones_only_break_ties_in_dictionary_order():
    assert _sorted(["ạ", "á", "ã", "ả", "à", "a"]) == ["a", "à", "ả", "ã", "á", "ạ"]
    # Letters first: "anh" before "ánh" before "ao" whatever the tones.
    assert _sorted(["ao", "ánh", "anh", "ân"]) == ["anh", "ánh", "ao", "ân"]


def test_ngo_before_nguyen_and_d_bar_after_d():
    assert _sorted(["Nguyễn", "Ngô"]) == ["Ngô", "Nguyễn"]
    assert _sorted(["Đinh", "Dương", "Zô", "Đỗ"]) == ["Dương", "Đinh", "Đỗ", "Zô"]


def test_people_sort_by_given_name_then_family_name():
    people = ["Nguyễn Văn Bình", "Trần Thị An", "Lê An", "Đặng Thị Ánh", "Ngô Văn Bình"]
    assert _sorted(people, person=True) == [
        "Lê An",
        "Trần Thị An",
        "Đặng Thị Ánh",
        "Ngô Văn Bình",
        "Nguyễn Văn Bình",
    ]


def test_case_and_spacing_do_not_matter_and_a_prefix_sorts_first():
    assert vi_sort_key("  NGUYỄN   văn an ") == vi_sort_key("Nguyễn Văn An")
    assert _sorted(["Anh", "An"]) == ["An", "Anh"]


@pytest.mark.parametrize("text", ["", None, "!!!", "123 Lê"])
def test_key_is_lowercase_ascii_letters_only(text):
    key = vi_sort_key(text)
    assert key == "" or (key.isascii() and key.isalpha() and key.islower())
