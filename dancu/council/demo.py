"""Demo data of the council module for Hà Tĩnh: a past regular session with resolutions, a
confidence vote and questions; a thematic session in planning; a Standing Committee meeting.

Idempotent: nothing is added when the past session already exists. Written through the
services, as the Office would, by the demo office administrator. The shipped council rules are
seeded by migration; a database emptied since (a test flush) gets them back here, before the
services look them up.
"""

from __future__ import annotations

import datetime
from typing import TextIO

from django.db import transaction

from dancu.accounts.models import User
from dancu.directory.demo import HT_AGRI, HT_COUNCIL, HT_STANDING
from dancu.directory.models import Body, BodyKind, Term

from . import services
from .models import Session
from .ruleset import seed_rules
from .selectors import session_delegates

D = datetime.date


def load(stdout: TextIO | None = None) -> dict:
    council = Body.objects.filter(name=HT_COUNCIL).first()
    actor = User.objects.filter(username="vanphong").first()
    if council is None or actor is None:
        return {}
    term = Term.objects.filter(body=council).order_by("-start_date").first()
    if term is None:
        return {}
    counts: dict = {}
    if not Session.objects.filter(body=council, term=term, number=3).exists():
        with transaction.atomic():
            seed_rules()
            counts = _load(actor, council, term)
    if not Session.objects.filter(body=council, term=term, number=HALL_NUMBER).exists():
        with transaction.atomic():
            seed_rules()
            counts |= _load_hall(actor, council, term)
    commune = Body.objects.filter(name=TERM_COUNCIL, kind=BodyKind.PEOPLES_COUNCIL).first()
    if commune is not None and not commune.term_setups.exists():
        with transaction.atomic():
            seed_rules()
            counts |= _load_new_term(actor, commune)
    if not counts:
        return {"sessions": Session.objects.filter(body=council).count()}
    if stdout is not None:
        stdout.write(f"Council demo: {counts}\n")
    return counts


# -- the paperless session (issue 16) ------------------------------------------------------------

HALL_NUMBER = 5
HALL_TITLE = "Kỳ họp thứ năm (chuyên đề, họp không giấy)"
# Accounts of the demo council's delegates who vote from their devices ("daibieu" is one of
# them); they cannot sign in (no password): the demo shows their ballots, not their logins.
HALL_ACCOUNT = "daibieu-ht-{:02d}"
HALL_VOTERS = 45


def _hall_accounts(council: Body, delegates: list) -> list:
    from dancu.accounts.models import RoleAssignment
    from dancu.accounts.roles import Role

    own = User.objects.filter(username="daibieu", person__isnull=False).first()
    accounts = [own] if own is not None else []
    taken = {own.person_id} if own is not None else set()
    n = 0
    for person in delegates:
        if len(accounts) >= HALL_VOTERS:
            break
        if person.pk in taken:
            continue
        n += 1
        user, created = User.objects.get_or_create(
            username=HALL_ACCOUNT.format(n), defaults={"full_name": person.full_name, "person": person}
        )
        if created:
            user.set_unusable_password()
            user.save()
        RoleAssignment.objects.get_or_create(user=user, body=council, role=Role.DELEGATE)
        accounts.append(user)
    return accounts


def _load_hall(actor, council: Body, term: Term) -> dict:
    """A session in progress run without paper: delegates checked in on their devices, a draft
    passed by an electronic vote (its result sheet) and adopted, a vote open now for "daibieu", the
    speakers' queue with a question to the Director of Agriculture."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from . import hall

    # The session sits today and tomorrow, whenever the demo is loaded: its votes are live.
    today = timezone.localdate()
    agri = Body.objects.get(name=HT_AGRI)
    ubnd = Body.objects.get(province=council.province, kind=BodyKind.PEOPLES_COMMITTEE)
    session = services.session_create(
        actor=actor,
        body=council,
        term=term,
        kind="thematic",
        number=HALL_NUMBER,
        title=HALL_TITLE,
        start_date=today,
        end_date=today + datetime.timedelta(days=1),
        venue="Hội trường HĐND tỉnh",
    )
    items = [
        services.agenda_item_add(actor=actor, session=session, day=day, time=time, title=title, presenter=who)
        for day, time, title, who in [
            (today, "07:30", "Khai mạc kỳ họp; thông qua chương trình", "Chủ tịch HĐND tỉnh"),
            (
                today,
                "09:00",
                "Thảo luận dự thảo nghị quyết về hỗ trợ trồng rừng",
                "Ban Kinh tế - Ngân sách",
            ),
            (
                today + datetime.timedelta(days=1),
                "08:00",
                "Chất vấn và trả lời chất vấn",
                "Thường trực HĐND tỉnh",
            ),
        ]
    ]
    draft = services.submission_create(
        actor=actor,
        session=session,
        kind="draft_resolution",
        title="Dự thảo nghị quyết về chính sách hỗ trợ trồng rừng sản xuất giai đoạn 2027-2030",
        submitter=ubnd,
        is_normative=True,
        received_on=today - datetime.timedelta(days=10),
    )
    services.submission_file_add(
        actor=actor,
        submission=draft,
        uploaded=ContentFile(_demo_docx(draft.title), name="du-thao-nghi-quyet.docx"),
    )
    for step in ("convene", "open"):
        session = services.session_transition(actor=actor, session=session, action=step)
    accounts = _hall_accounts(council, list(session_delegates(session)))
    for user in accounts:
        hall.check_in(actor=user, session=session)
    vote = hall.e_vote_open(actor=actor, session=session, submission=draft, agenda_item=items[1], minutes=5)
    for i, user in enumerate(accounts):
        choice = "yes" if i < 41 else ("no" if i < 43 else "abstain")
        hall.ballot_cast(actor=user, vote=vote, choice=choice, key=f"demo-{vote.pk}-{user.pk}")
    vote = hall.e_vote_close(actor=actor, vote=vote)
    if vote.result is not None and vote.passed:  # the draft passed: the resolution is adopted
        services.resolution_adopt(actor=actor, vote=vote.result)
    hall.e_vote_open(
        actor=actor,
        session=session,
        matter="procedure",
        question="Thông qua danh sách chất vấn phiên sáng 23/12",
        agenda_item=items[2],
        minutes=60,
    )
    if len(accounts) > 2:
        hall.speaker_register(
            actor=accounts[1],
            session=session,
            kind="discussion",
            topic="Mức hỗ trợ cây giống",
            agenda_item=items[1],
        )
        hall.speaker_register(
            actor=accounts[2],
            session=session,
            kind="question",
            topic="Vì sao tiến độ trồng rừng thay thế chậm?",
            agenda_item=items[2],
            addressee="Giám đốc Sở Nông nghiệp và Môi trường",
            addressee_body=agri,
        )
    return {"hall_session": 1, "e_votes": 2, "checked_in": len(accounts)}


def _demo_docx(title: str) -> bytes:
    import io

    from docx import Document

    out = io.BytesIO()
    document = Document()
    document.add_heading(title, level=1)
    for n, text in enumerate(
        [
            "Phạm vi điều chỉnh: hỗ trợ trồng rừng sản xuất trên địa bàn tỉnh.",
            "Đối tượng áp dụng: hộ gia đình, cá nhân, cộng đồng dân cư trồng rừng.",
            "Mức hỗ trợ: 10 triệu đồng/ha cho cây giống và vật tư.",
        ],
        start=1,
    ):
        document.add_paragraph(f"Điều {n}. {text}")
    document.save(out)
    return out.getvalue()


def _load(actor, council: Body, term: Term) -> dict:
    province = council.province
    standing = Body.objects.get(name=HT_STANDING)
    ubnd = Body.objects.get(province=province, kind=BodyKind.PEOPLES_COMMITTEE)
    agri = Body.objects.get(name=HT_AGRI)
    committees = {b.short_name: b for b in Body.objects.filter(province=province, kind=BodyKind.COMMITTEE)}
    economy = committees.get("Ban Kinh tế - Ngân sách") or next(iter(committees.values()))
    legal = committees.get("Ban Pháp chế") or economy
    group = Body.objects.filter(province=province, kind=BodyKind.DELEGATE_GROUP).order_by("name").first()

    past = services.session_create(
        actor=actor,
        body=council,
        term=term,
        kind="regular",
        number=3,
        title="Kỳ họp thứ ba",
        start_date=D(2026, 7, 14),
        end_date=D(2026, 7, 16),
        venue="Hội trường HĐND tỉnh, số 01 đường Nguyễn Tất Thành",
    )
    services.joint_conference_record(
        actor=actor,
        session=past,
        held_on=D(2026, 6, 10),
        programme="Kỳ họp họp 3 ngày; xem xét báo cáo kinh tế - xã hội 6 tháng, 2 dự thảo nghị quyết; chất vấn về đất đai.",
        conclusions="Thống nhất thời gian, nội dung và chương trình kỳ họp.",
    )
    for day, time, title, presenter in [
        (D(2026, 7, 14), "07:30", "Khai mạc kỳ họp", "Chủ tịch HĐND tỉnh"),
        (D(2026, 7, 15), "08:00", "Phiên chất vấn", "Thường trực HĐND tỉnh"),
        (D(2026, 7, 16), "14:00", "Biểu quyết thông qua các nghị quyết; bế mạc", ""),
    ]:
        services.agenda_item_add(
            actor=actor, session=past, day=day, time=time, title=title, presenter=presenter
        )
    report = services.submission_create(
        actor=actor,
        session=past,
        kind="report",
        title="Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2026",
        submitter=ubnd,
        reviewing_committee=economy,
        received_on=D(2026, 7, 5),
    )
    services.review_report_record(
        actor=actor,
        submission=report,
        committee=economy,
        reported_on=D(2026, 7, 10),
        conclusion="Cơ bản thống nhất với báo cáo.",
    )
    drafts = [
        ("Nghị quyết quy định mức hỗ trợ phát triển sản xuất nông nghiệp", True, agri, economy),
        ("Nghị quyết về kế hoạch đầu tư công năm 2027", False, ubnd, economy),
        ("Nghị quyết về chương trình giám sát năm 2027", False, standing, legal),
    ]
    articles = [
        "Phạm vi điều chỉnh: Nghị quyết này quy định mức hỗ trợ phát triển sản xuất nông nghiệp trên địa bàn "
        "tỉnh Hà Tĩnh giai đoạn 2026 - 2030.\n"
        "Đối tượng áp dụng: hợp tác xã, tổ hợp tác, hộ gia đình và cá nhân sản xuất nông nghiệp trên địa bàn tỉnh.\n"
        "Mức hỗ trợ: 50% chi phí mua giống cây trồng, vật nuôi, không quá 30 triệu đồng cho mỗi dự án.",
        "Thông qua kế hoạch đầu tư công năm 2027 của tỉnh với tổng vốn 8.500 tỷ đồng, trong đó vốn ngân sách "
        "địa phương 3.200 tỷ đồng (chi tiết tại Phụ lục kèm theo).",
        "Thông qua chương trình giám sát năm 2027 của Hội đồng nhân dân tỉnh: giám sát việc thực hiện các "
        "chương trình mục tiêu quốc gia và công tác bồi thường, giải phóng mặt bằng các dự án trọng điểm.",
    ]
    for step in ("convene", "open"):
        services.session_transition(actor=actor, session=past, action=step)
    delegates = list(session_delegates(past)[:2])
    services.attendance_record(actor=actor, session=past, absences={p.pk: "Đi công tác" for p in delegates})
    resolutions = 0
    for i, (title, normative, agency, committee) in enumerate(drafts):
        sub = services.submission_create(
            actor=actor,
            session=past,
            kind="draft_resolution",
            title=f"Dự thảo {title[0].lower()}{title[1:]}",
            submitter=standing if agency == standing else ubnd,
            reviewing_committee=committee,
            is_normative=normative,
            received_on=D(2026, 7, 3 + 3 * i),
        )
        services.review_report_record(
            actor=actor,
            submission=sub,
            committee=committee,
            reported_on=D(2026, 7, 10),
            conclusion="Đủ điều kiện trình kỳ họp.",
        )
        if group is not None:
            services.discussion_note_record(
                actor=actor,
                submission=sub,
                group=group,
                held_on=D(2026, 7, 8),
                notes="Tổ thống nhất với dự thảo.",
            )
        vote = services.vote_record(
            actor=actor, submission=sub, held_on=D(2026, 7, 16), yes=52 - i, no=1, abstain=2, not_voting=3
        )
        res = services.resolution_adopt(
            actor=actor,
            vote=vote,
            title=title,
            implementing_agency=agency if agency != standing else ubnd,
            content="Căn cứ Luật Tổ chức chính quyền địa phương;\nCăn cứ Luật Ban hành văn bản quy phạm pháp luật;",
            articles=articles[i],
        )
        services.resolution_transition(actor=actor, resolution=res, action="publish")
        resolutions += 1
        if agency == agri:
            services.follow_up_report_add(
                actor=actor,
                resolution=res,
                reported_on=D(2026, 10, 20),
                content="Đã ban hành kế hoạch triển khai.",
            )

    questions = [
        (
            ("Giám đốc Sở Nông nghiệp và Môi trường", agri),
            "Giải pháp xử lý tình trạng chậm cấp giấy chứng nhận quyền sử dụng đất?",
            ("at_session", D(2026, 7, 15), "Sở sẽ rà soát và hoàn thành trong quý IV."),
            ("Hoàn thành cấp giấy chứng nhận tồn đọng", D(2026, 12, 31), ""),
        ),
        (
            ("Chủ tịch UBND tỉnh", ubnd),
            "Tiến độ giải ngân vốn đầu tư công?",
            ("in_writing", D(2026, 7, 30), "Đã giải ngân 65% kế hoạch."),
            ("Giải ngân 95% vốn đầu tư công", D(2026, 11, 30), "Đạt 96%."),
        ),
    ]
    for delegate, ((addressee, body), content, answer, promise) in zip(
        session_delegates(past)[5:7], questions, strict=True
    ):
        q = services.question_ask(
            actor=actor,
            session=past,
            delegate=delegate,
            addressee=addressee,
            addressee_body=body,
            content=content,
            asked_on=D(2026, 7, 15),
        )
        mode, answered_on, text = answer
        services.answer_record(actor=actor, question=q, mode=mode, answered_on=answered_on, content=text)
        promised, due, kept = promise
        c = services.commitment_add(actor=actor, question=q, content=promised, due_date=due)
        if kept:
            services.commitment_transition(actor=actor, commitment=c, action="keep", follow_up=kept)

    cv = services.confidence_vote_create(actor=actor, session=past, held_on=D(2026, 7, 16))
    seated = list(session_delegates(past)[10:13])
    for person, post, figures in zip(
        seated,
        ["Phó Chủ tịch UBND tỉnh", "Trưởng Ban Pháp chế HĐND tỉnh", "Giám đốc Sở"],
        [(40, 15, 3), (30, 20, 8), (0, 0, 0)],
        strict=True,
    ):
        exempt = post == "Giám đốc Sở"
        subject = services.confidence_subject_add(
            actor=actor,
            vote=cv,
            person=person,
            post=post,
            exempt=exempt,
            exemption_reason="Được bầu trong năm" if exempt else "",
        )
        if not exempt:
            services.confidence_tally_record(
                actor=actor,
                subject=subject,
                high=figures[0],
                medium=figures[1],
                low=figures[2],
            )
    # 60 delegates, 2 absent: 58 ballots issued and returned; a delegate heads the counting board.
    services.confidence_ballots_record(
        actor=actor, vote=cv, ballots_issued=58, ballots_cast=58, counting_head=session_delegates(past)[20]
    )
    for step in ("count", "announce"):
        services.confidence_vote_transition(actor=actor, vote=cv, action=step)
    services.session_transition(actor=actor, session=past, action="close")

    services.session_create(
        actor=actor,
        body=council,
        term=term,
        kind="thematic",
        number=4,
        title="Kỳ họp thứ tư (chuyên đề)",
        start_date=D(2026, 12, 18),
        end_date=D(2026, 12, 18),
        venue="Hội trường HĐND tỉnh",
    )
    meeting = services.standing_meeting_record(
        actor=actor,
        body=standing,
        held_on=D(2026, 10, 5),
        title="Phiên họp Thường trực HĐND tỉnh tháng 10/2026",
        agenda="Chuẩn bị kỳ họp chuyên đề; kết quả giám sát.",
        conclusions="Giao Ban Kinh tế - Ngân sách thẩm tra tờ trình.",
    )
    services.standing_task_add(
        actor=actor,
        meeting=meeting,
        content="Thẩm tra tờ trình điều chỉnh đầu tư công",
        assignee=economy,
        due_date=D(2026, 12, 1),
    )
    services.interim_matter_record(
        actor=actor,
        meeting=meeting,
        decided_on=D(2026, 10, 5),
        title="Cho ý kiến điều chỉnh kế hoạch đầu tư công năm 2026",
        decision="Đồng ý điều chỉnh.",
    )
    services.hearing_record(
        actor=actor,
        body=standing,
        topic="Giải trình về công tác bồi thường giải phóng mặt bằng",
        held_on=D(2026, 9, 20),
        notice_on=D(2026, 9, 8),
        conclusions="Yêu cầu hoàn thành trong năm 2026.",
    )
    return {"sessions": 2, "resolutions": resolutions, "questions": 2, "standing_meetings": 1}


# -- a new term from the election results (issue 16, item 6) ----------------------------------------
# A commune council of the demo province: its 2021-2026 term after the 2025 merger (a few
# delegates, its Standing Committee, two committees and a delegate group), a session with a
# question and two commitments not yet kept; then the 2026-2031 term set up from a small list of
# the elected (three re-elected, found in the directory), the delegate group re-formed, the first
# session planned within 45 days of the election of 15 March 2026, and the commitments carried over.

TERM_COUNCIL = "Hội đồng nhân dân phường Thành Sen"
OLD_DELEGATES = [
    ("Trần Văn Hải", D(1972, 4, 2), "male"),
    ("Nguyễn Thị Lan", D(1980, 8, 19), "female"),
    ("Lê Đình Phúc", D(1968, 1, 30), "male"),
    ("Phan Thị Hòa", D(1985, 11, 5), "female"),
    ("Võ Văn Tâm", D(1976, 6, 14), "male"),
]
NEW_DELEGATES = [
    # (full name, birth, gender, electoral unit, body, post there, group)
    ("Trần Văn Hải", D(1972, 4, 2), "male", 1, "Thường trực Hội đồng nhân dân phường Thành Sen", "Chủ tịch", True),
    ("Nguyễn Thị Lan", D(1980, 8, 19), "female", 1, "Ban Pháp chế HĐND phường Thành Sen", "Trưởng ban", True),
    ("Phan Thị Hòa", D(1985, 11, 5), "female", 2, "Ban Kinh tế - Xã hội HĐND phường Thành Sen", "Trưởng ban", True),
    ("Đặng Quốc Bảo", D(1988, 3, 21), "male", 2, "Ban Kinh tế - Xã hội HĐND phường Thành Sen", "Ủy viên", True),
    ("Hồ Thị Mai Anh", D(1992, 7, 7), "female", 3, "Ban Pháp chế HĐND phường Thành Sen", "Ủy viên", True),
    ("Bùi Văn Khánh", D(1979, 12, 1), "male", 3, "", "", True),
]


def _elected_workbook(rows: list[dict]) -> bytes:
    import io

    from openpyxl import Workbook

    from .term_import import elected_columns

    columns = elected_columns()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([c.key for c in columns])
    for row in rows:
        sheet.append([row.get(c.key) for c in columns])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _load_new_term(actor, commune: Body) -> dict:
    from dancu.directory.models import Membership, Person, Post
    from dancu.directory.posts import ensure_posts
    from dancu.directory.services import membership_create, person_create

    from . import term as new_term

    ensure_posts()
    province = commune.province
    old = Term.objects.create(body=commune, number=12, name="Khóa XII", start_date=D(2025, 7, 1))

    def child(kind: str, name: str) -> Body:
        body, _created = Body.objects.get_or_create(
            name=name,
            province=province,
            defaults={"kind": kind, "level": commune.level, "parent": commune, "unit": commune.unit},
        )
        return body

    standing = child(BodyKind.STANDING_COMMITTEE, "Thường trực Hội đồng nhân dân phường Thành Sen")
    child(BodyKind.COMMITTEE, "Ban Pháp chế HĐND phường Thành Sen")
    child(BodyKind.COMMITTEE, "Ban Kinh tế - Xã hội HĐND phường Thành Sen")
    child(BodyKind.DELEGATE_GROUP, "Tổ đại biểu phường Thành Sen")
    delegate = Post.objects.get(code="dai-bieu")
    people = []
    for name, birth, gender in OLD_DELEGATES:
        person = Person.objects.filter(province=province, full_name=name, birth_date=birth).first()
        if person is None:
            person = person_create(actor=actor, province=province, full_name=name, birth_date=birth, gender=gender)
        if not Membership.objects.filter(person=person, body=commune, term=old).exists():
            membership_create(actor=actor, person=person, body=commune, post=delegate, term=old, start_date=old.start_date)
        people.append(person)
    agency = Body.objects.filter(province=province, kind=BodyKind.PEOPLES_COMMITTEE).first() or standing
    session = services.session_create(
        actor=actor,
        body=commune,
        term=old,
        kind="regular",
        title="Kỳ họp thường lệ cuối năm 2025",
        start_date=D(2025, 12, 18),
        end_date=D(2025, 12, 19),
        venue="Hội trường UBND phường Thành Sen",
    )
    for step in ("convene", "open"):
        session = services.session_transition(actor=actor, session=session, action=step)
    question = services.question_ask(
        actor=actor,
        session=session,
        delegate=people[1],
        addressee="Chủ tịch UBND phường",
        addressee_body=agency,
        content="Tiến độ cấp giấy chứng nhận quyền sử dụng đất cho các hộ khu tái định cư Bắc Hà?",
        asked_on=D(2025, 12, 19),
    )
    for content, due in (
        ("Hoàn thành cấp giấy chứng nhận cho 120 hộ khu tái định cư Bắc Hà", D(2026, 6, 30)),
        ("Sửa chữa tuyến mương thoát nước đường Nguyễn Du trước mùa mưa", D(2026, 8, 31)),
    ):
        services.commitment_add(actor=actor, question=question, content=content, due_date=due)
    services.session_transition(actor=actor, session=session, action="close")

    rows = [
        {
            "full_name": name,
            "birth_date": birth.strftime("%d/%m/%Y"),
            "gender": gender,
            "ethnicity": "Kinh",
            "level": "commune",
            "constituency": unit,
            "body": body or None,
            "body_post": post or None,
            "group": "Tổ đại biểu phường Thành Sen" if group else None,
        }
        for name, birth, gender, unit, body, post, group in NEW_DELEGATES
    ]
    setup = new_term.term_setup_create(
        actor=actor,
        council=commune,
        number=13,
        name="Khóa XIII",
        election_date=D(2026, 3, 15),
        start_date=D(2026, 3, 25),
        end_date=D(2031, 3, 31),
        data=_elected_workbook(rows),
        file_name="danh-sach-trung-cu-phuong-thanh-sen.xlsx",
    )
    structure = [
        {"old": r["old"], "action": "new" if r["kind"] == BodyKind.DELEGATE_GROUP else "continue", "name": r["name"]}
        for r in setup.structure
    ]
    setup = new_term.term_structure_update(actor=actor, setup=setup, rows=structure)
    setup = new_term.term_confirm(actor=actor, setup=setup)
    if setup.term is None:  # pragma: no cover - confirm sets it
        return {}
    services.session_create(
        actor=actor,
        body=commune,
        term=setup.term,
        kind="regular",
        title="Kỳ họp thứ nhất Hội đồng nhân dân phường Thành Sen khóa XIII",
        start_date=D(2026, 4, 20),
        end_date=D(2026, 4, 21),
        venue="Hội trường UBND phường Thành Sen",
    )
    moved = new_term.term_carry_over(actor=actor, setup=setup)
    return {"new_term_members": setup.counts.get("memberships", 0), "carried_over": moved.get("commitments", 0)}
