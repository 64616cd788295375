import pytest

from dancu.core.search import search_queryset
from dancu.core.text import fold, search_tokens
from dancu.directory.models import Person
from dancu.directory.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_fold():
    assert fold("Nguyễn Văn Đặng") == "nguyen van dang"
    assert fold("  ĐƯỜNG   ĐIỆN ") == "duong dien"
    assert fold(None) == ""
    assert search_tokens('"Đặng*" OR (x)') == ["dang", "or", "x"]


@pytest.fixture
def people(province):
    names = ["Nguyễn Văn An", "Nguyễn Thị Bình", "Đặng Văn Cường", "Trần Văn Nguyên", "Đặng Thị Hoa", "Lê Đăng Khoa"]
    return {n: PersonFactory(full_name=n, province=province) for n in names}


def names(qs):
    return sorted(qs.values_list("full_name", flat=True))


def test_nguyen_van_finds_nguyen_van(people):
    assert names(search_queryset(Person.objects.all(), "nguyen van")) == ["Nguyễn Văn An"]


def test_words_in_order_each_a_prefix(people):
    assert names(search_queryset(Person.objects.all(), "ng va")) == ["Nguyễn Văn An"]
    assert names(search_queryset(Person.objects.all(), "van nguyen")) == ["Trần Văn Nguyên"]


def test_dang_finds_dang_and_dang(people):
    # "dang" matches the start of "Đặng" and of "Đăng": both fold to "dang".
    assert names(search_queryset(Person.objects.all(), "dang")) == ["Lê Đăng Khoa", "Đặng Thị Hoa", "Đặng Văn Cường"]
    assert names(search_queryset(Person.objects.all(), "ĐẶNG thị")) == ["Đặng Thị Hoa"]


def test_prefix_of_a_word_but_not_inside_a_word(people):
    assert names(search_queryset(Person.objects.all(), "nguy")) == ["Nguyễn Thị Bình", "Nguyễn Văn An", "Trần Văn Nguyên"]
    assert names(search_queryset(Person.objects.all(), "guyen")) == []


def test_search_follows_updates(people):
    person = people["Nguyễn Thị Bình"]
    person.full_name = "Phạm Thị Bình"
    person.save()
    assert names(search_queryset(Person.objects.all(), "pham")) == ["Phạm Thị Bình"]
    assert "Phạm Thị Bình" not in names(search_queryset(Person.objects.all(), "nguyen"))


@pytest.mark.parametrize("junk", ['"', "*", "()", "AND OR NOT", "' OR 1=1 --", "\x00", "ā" * 500])
def test_junk_queries_do_not_fail(people, junk):
    list(search_queryset(Person.objects.all(), junk))


def test_office_signer_comes_from_the_directory(province):
    import datetime

    from dancu.directory.models import BodyKind, Membership, Person, Post
    from dancu.directory.posts import ensure_posts
    from dancu.directory.selectors import office_signer
    from dancu.directory.tests.factories import BodyFactory

    ensure_posts()
    office = BodyFactory(kind=BodyKind.OFFICE, name="Văn phòng", province=province)
    assert office_signer(province.pk)[1] == "CHÁNH VĂN PHÒNG"
    deputy = Person.objects.create(full_name="Trần Thị Hồng Nhung", province=province)
    Membership.objects.create(person=deputy, body=office, post=Post.objects.get(code="pho-chanh-van-phong"),
                              start_date=datetime.date(2021, 7, 1))
    assert office_signer(province.pk) == ("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Trần Thị Hồng Nhung")
    head = Person.objects.create(full_name="Nguyễn Văn Hải", province=province)
    Membership.objects.create(person=head, body=office, post=Post.objects.get(code="chanh-van-phong"),
                              start_date=datetime.date(2021, 7, 1))
    assert office_signer(province.pk) == ("", "CHÁNH VĂN PHÒNG", "Nguyễn Văn Hải")
