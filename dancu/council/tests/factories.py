"""Builders of council data for tests: a council with N delegates in a term, a session moved
to a state, a draft, a passed vote. Everything is written through the services."""

from __future__ import annotations

import datetime
import io
from typing import Any

from docx import Document

from dancu.council import services
from dancu.council.models import Question, Session, Submission, Vote
from dancu.directory.models import Body, BodyKind, Membership, Person, Post, Term
from dancu.directory.posts import ensure_posts

D = datetime.date
DAY = D(2026, 12, 10)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def docx_bytes(text: str = "Dự thảo nghị quyết") -> bytes:
    """A real .docx (an upload is checked by content)."""
    out = io.BytesIO()
    document = Document()
    document.add_paragraph(text)
    document.save(out)
    return out.getvalue()


def make_council(province, delegates: int = 9, name: str = "Hội đồng nhân dân tỉnh Thử") -> dict[str, Any]:
    ensure_posts()
    council = Body.objects.create(kind=BodyKind.PEOPLES_COUNCIL, name=name, province=province, unit=province)
    term = Term.objects.create(body=council, number=19, name="Khóa XIX", start_date=D(2026, 3, 25))
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


def make_session(
    actor,
    world: dict[str, Any],
    *,
    steps: tuple[str, ...] = ("convene", "open"),
    title: str = "Kỳ họp chuyên đề",
    day: datetime.date = DAY,
    end: datetime.date | None = None,
    kind: str = "thematic",
) -> Session:
    """A session of the world's council from `day` (to `end`, the same day by default), moved
    by `steps` (in progress by default)."""
    session = services.session_create(
        actor=actor,
        body=world["council"],
        term=world["term"],
        kind=kind,
        title=title,
        start_date=day,
        end_date=end or day,
    )
    for step in steps:
        session = services.session_transition(actor=actor, session=session, action=step)
    return session


def make_draft(
    actor, world: dict[str, Any], session: Session, title: str = "Dự thảo nghị quyết", **kwargs
) -> Submission:
    return services.submission_create(
        actor=actor,
        session=session,
        kind="draft_resolution",
        title=title,
        submitter=world["ubnd"],
        **kwargs,
    )


def make_vote(actor, draft: Submission, yes: int, *, no: int = 0, abstain: int = 0) -> Vote:
    return services.vote_record(
        actor=actor, submission=draft, held_on=DAY, yes=yes, no=no, abstain=abstain, not_voting=0
    )


def make_question(
    actor,
    world: dict[str, Any],
    session: Session,
    *,
    delegate: Person | None = None,
    content: str = "Vì sao chậm?",
) -> Question:
    """A question from a delegate (the first by default) to the agency's director."""
    return services.question_ask(
        actor=actor,
        session=session,
        delegate=delegate or world["people"][0],
        addressee="Giám đốc Sở",
        addressee_body=world["agency"],
        content=content,
        asked_on=DAY,
    )


def make_delegate_user(world: dict[str, Any], index: int = 0):
    """An account with the delegate role in the council, linked to its delegate `index`."""
    from dancu.accounts.tests.factories import user_with_role

    user = user_with_role("delegate", world["council"])
    user.person = world["people"][index]
    user.save(update_fields=["person"])
    return user
