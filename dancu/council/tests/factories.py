"""Builders of council data for tests: a council with N delegates in a term, and a session."""

from __future__ import annotations

import datetime

from dancu.directory.models import Body, BodyKind, Membership, Person, Post, Term
from dancu.directory.posts import ensure_posts


def make_council(province, delegates: int = 9, name: str = "Hội đồng nhân dân tỉnh Thử") -> dict:
    ensure_posts()
    council = Body.objects.create(kind=BodyKind.PEOPLES_COUNCIL, name=name, province=province, unit=province)
    term = Term.objects.create(
        body=council, number=19, name="Khóa XIX", start_date=datetime.date(2026, 3, 25)
    )
    post = Post.objects.get(code="dai-bieu")
    people = []
    for i in range(delegates):
        person = Person.objects.create(full_name=f"Đại Biểu Số {i:03d}", province=province)
        Membership.objects.create(person=person, body=council, post=post, term=term)
        people.append(person)

    def body(kind, label):
        return Body.objects.create(
            kind=kind, name=f"{label} {province.code}", province=province, unit=province, parent=council
        )

    return {
        "council": council,
        "term": term,
        "people": people,
        "committee": body(BodyKind.COMMITTEE, "Ban Kinh tế - Ngân sách"),
        "standing": body(BodyKind.STANDING_COMMITTEE, "Thường trực HĐND"),
        "ubnd": body(BodyKind.PEOPLES_COMMITTEE, "Ủy ban nhân dân"),
        "agency": body(BodyKind.AGENCY, "Sở Nông nghiệp và Môi trường"),
        "group": body(BodyKind.DELEGATE_GROUP, "Tổ đại biểu"),
    }
