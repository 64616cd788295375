"""Issue 11, item 14: the pickers of people list the delegates holding office in the council's
term (the roll, questions, the counting board) and, for a confidence vote, the people holding a
post the council elects: never every person of the province."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from dancu.core.errors import ValidationFailed
from dancu.council import selectors, services
from dancu.council.errors import CouncilError
from dancu.directory.models import Membership, Person, Post, Term

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def crowd(world):
    """People of the province who are not delegates of the term: a bystander, a delegate of the
    former term, a delegate who left before the session; and a People's Committee member."""
    province = world["council"].province
    delegate = Post.objects.get(code="dai-bieu")
    former_term = Term.objects.create(
        body=world["council"],
        number=18,
        name="Khóa XVIII",
        start_date=D(2021, 6, 25),
        end_date=D(2026, 3, 24),
    )
    bystander = Person.objects.create(full_name="Người Ngoài Cuộc", province=province)
    former = Person.objects.create(full_name="Đại Biểu Khóa Trước", province=province)
    Membership.objects.create(person=former, body=world["council"], post=delegate, term=former_term)
    left = Person.objects.create(full_name="Đại Biểu Đã Thôi", province=province)
    Membership.objects.create(
        person=left, body=world["council"], post=delegate, term=world["term"], end_date=D(2026, 6, 30)
    )
    member = Person.objects.create(full_name="Ủy Viên Ủy Ban", province=province)
    Membership.objects.create(person=member, body=world["ubnd"], post=Post.objects.get(code="uy-vien"))
    return {"bystander": bystander, "former": former, "left": left, "member": member}


def test_the_delegates_of_a_session_are_those_holding_office_in_its_term(world, session_in_progress, crowd):
    delegates = set(selectors.session_delegates(session_in_progress))
    assert delegates == set(world["people"])
    assert not {crowd["bystander"], crowd["former"], crowd["left"]} & delegates


def test_confidence_candidates_hold_a_post_the_council_elects(world, session_in_progress, crowd):
    candidates = set(selectors.confidence_candidates(session_in_progress))
    assert set(world["people"]) <= candidates and crowd["member"] in candidates
    assert not {crowd["bystander"], crowd["former"], crowd["left"]} & candidates
    cv = services.confidence_vote_create(
        actor=world["admin"], session=session_in_progress, held_on=D(2026, 12, 10)
    )
    with pytest.raises(ValidationFailed) as refused:
        services.confidence_subject_add(
            actor=world["admin"], vote=cv, person=crowd["bystander"], post="Giám đốc"
        )
    assert refused.value.code == CouncilError.INVALID_BODY and refused.value.details == {"field": "person"}
    services.confidence_subject_add(
        actor=world["admin"], vote=cv, person=crowd["member"], post="Ủy viên UBND"
    )


def test_the_pages_offer_only_those_people(client, world, session_in_progress, crowd):
    client.force_login(world["admin"])
    pages = [
        reverse("council:session_detail", args=[session_in_progress.pk]),  # the question form
        reverse("council:attendance", args=[session_in_progress.pk]),
    ]
    cv = services.confidence_vote_create(
        actor=world["admin"], session=session_in_progress, held_on=D(2026, 12, 10)
    )
    pages.append(reverse("council:confidence_detail", args=[cv.pk]))  # the person and the counting board
    for url in pages:
        page = client.get(url).content.decode()
        assert world["people"][0].full_name in page, url
        for outsider in ("bystander", "former", "left"):
            assert crowd[outsider].full_name not in page, (url, outsider)
