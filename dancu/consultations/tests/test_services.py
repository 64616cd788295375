"""The consultation from end to end through the services and the pages, and the refusals."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from dancu.consultations import documents, importing, selectors, services
from dancu.consultations.models import Comment, Draft, Provision, Recipient
from dancu.consultations.tests.factories import D, data_file, make_draft, make_world, small_law, upload
from dancu.core.documents import docx_text, layout_problems, libreoffice_text
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(province, office, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    admin = make_user("office_admin", office)
    w = make_world(province, admin)
    draft = make_draft(admin, province)
    return {"admin": admin, "draft": draft, **w}


def test_the_synthesis_is_due_the_rule_days_before_the_session(setup):
    assert setup["draft"].synthesis_due == D(2026, 9, 30)  # 20 days before 20/10 (unverified row)


def test_upload_parses_into_provisions_with_paths(setup):
    version = services.version_add(
        actor=setup["admin"], draft=setup["draft"], upload=upload(data_file("dat-dai-2024.docx"))
    )
    assert (version.number, version.article_count, version.clause_count, version.point_count) == (
        1,
        16,
        59,
        30,
    )
    assert Provision.objects.filter(version=version, path="d9.k3.đ", kind="point").exists()
    assert AuditEntry.objects.filter(action="consultations.version.add").count() == 1


def test_a_file_without_articles_is_refused_and_nothing_is_written(setup):
    from dancu.consultations.tests.factories import docx_of

    with pytest.raises(ValidationFailed) as exc:
        services.version_add(
            actor=setup["admin"], draft=setup["draft"], upload=upload(docx_of(["Không có điều nào"]))
        )
    assert exc.value.code == "consultation_no_structure"
    with pytest.raises(ValidationFailed):
        services.version_add(
            actor=setup["admin"], draft=setup["draft"], upload=upload(b"<html>not a docx</html>", "x.docx")
        )
    assert not setup["draft"].versions.exists()


def test_the_whole_flow(setup, make_user):
    admin, draft = setup["admin"], setup["draft"]
    services.version_add(actor=admin, draft=draft, upload=upload(small_law(1)))
    justice, court = services.recipients_add(
        actor=admin, draft=draft, bodies=[setup["justice"], setup["court"]], requested_on=D(2026, 9, 1)
    )
    assert justice.due_on == D(2026, 9, 11)  # answer_days = 10
    responder = make_user("agency_responder", setup["justice"])
    services.comment_respond(
        actor=responder,
        recipient=justice,
        path="d5",
        text="Thời hạn 30 ngày là quá ngắn.",
        proposal="Thời hạn lấy ý kiến ít nhất là 45 ngày kể từ ngày đăng tải dự thảo.",
    )
    court_user = make_user("agency_responder", setup["court"])
    services.comment_respond(
        actor=court_user,
        recipient=court,
        path="d12.k2.b",
        text="Cơ quan phối hợp cần gửi báo cáo tổng hợp ý kiến cử tri.",
    )
    with pytest.raises(PermissionDenied):  # the court's user cannot answer for the department
        services.comment_respond(actor=court_user, recipient=justice, path="d5", text="x")
    voter = services.comment_public(
        draft=draft, path="d5.k1", text="Thời hạn 30 ngày quá ngắn, đề nghị kéo dài thời hạn lấy ý kiến."
    )
    assert voter.status == "pending" and voter.source_name == ""
    services.comment_transition(actor=admin, comment=voter, action="publish")
    justice.refresh_from_db()
    assert justice.answered_on is not None
    synthesis = {a.article_key: a for a in selectors.draft_synthesis(draft)}
    assert synthesis["d5"].count == 2 and len(synthesis["d5"].groups) == 1  # similar: one group
    assert dict(synthesis["d5"].sources)["Sở Tư pháp 42"] == 1
    services.position_save(
        actor=admin,
        draft=draft,
        article_key="d5",
        text="Đoàn đề nghị kéo dài thời hạn.",
        proposal="Thời hạn lấy ý kiến ít nhất là 45 ngày kể từ ngày đăng tải dự thảo.",
    )
    services.position_save(
        actor=admin,
        draft=draft,
        article_key="d12",
        text="Bổ sung trách nhiệm báo cáo.",
        proposal="b) Tham dự hội nghị và gửi báo cáo tổng hợp ý kiến của cử tri trên địa bàn.",
    )
    services.position_save(
        actor=admin,
        draft=draft,
        article_key="d2",
        text="Giữ nguyên.",
        proposal="1. Một nội dung hoàn toàn khác không được tiếp thu.",
    )
    services.draft_transition(actor=admin, draft=draft, action="close")
    data = documents.synthesis_docx(draft)
    assert layout_problems(data, dispatch=False) == []
    text = docx_text(data)
    assert "Tổng hợp ý kiến góp ý dự án Luật Thử nghiệm" in text and "Đề xuất của Đoàn" in text
    assert "Đoàn đề nghị kéo dài thời hạn." in text and "Sở Tư pháp 42: 1" in text
    dispatch = services.dispatch_record(
        actor=admin,
        draft=draft,
        number="45/BC-ĐĐBQH",
        sent_on=D(2026, 9, 28),
        recipients=["Ủy ban Pháp luật và Tư pháp", ""],
    )
    draft.refresh_from_db()
    assert draft.status == "sent" and dispatch.recipients == ["Ủy ban Pháp luật và Tư pháp"]
    with pytest.raises(Conflict):
        services.comment_record(actor=admin, draft=draft, path="d1", text="Muộn")
    # The second version: Điều 5 -> 6 rewritten as proposed, Điều 12 -> 13 point b as proposed.
    v2 = services.version_add(actor=admin, draft=draft, upload=upload(small_law(2)))
    _prev, matches, follow = selectors.version_alignment(draft, v2)
    statuses = {(m.old_key, m.new_key): m.status for m in matches}
    assert statuses[("", "d4")] == "new" and statuses[("d5", "d6")] == "moved"
    taken = {f.position.article_key: f.taken_up for f in follow}
    assert taken == {"d5": True, "d12": True, "d2": False}
    figures = selectors.figures(admin)
    assert figures["proposals"] == 3 and figures["proposals_taken_up"] == 2
    assert (
        figures["recipients_asked"] == 2 and figures["recipients_answered"] == 2 and figures["comments"] == 3
    )


def test_synthesis_docx_opens_in_libreoffice(setup, libreoffice):
    admin, draft = setup["admin"], setup["draft"]
    services.version_add(actor=admin, draft=draft, upload=upload(small_law(1)))
    services.comment_record(actor=admin, draft=draft, path="d3.k1", text="Ý kiến thử")
    services.position_save(actor=admin, draft=draft, article_key="d3", text="Đề nghị giữ nguyên.")
    text = libreoffice_text(documents.synthesis_docx(draft))
    assert text is not None and "BÁO CÁO" in text and "Ý kiến thử" in text


def test_public_comment_refuses_closed_or_offline_drafts_and_bad_paths(setup):
    admin, draft = setup["admin"], setup["draft"]
    services.version_add(actor=admin, draft=draft, upload=upload(small_law(1)))
    with pytest.raises(ValidationFailed) as exc:
        services.comment_public(draft=draft, path="d99", text="x")
    assert exc.value.code == "consultation_bad_provision"
    with pytest.raises(ValidationFailed):
        services.comment_public(draft=draft, path="d1", text="   ")
    offline = make_draft(admin, draft.province, name="Khác", online=False)
    with pytest.raises(Conflict):
        services.comment_public(draft=offline, path="", text="x")
    assert not Comment.objects.exists()


def test_public_page_posts_a_pending_comment_without_personal_data(client, setup):
    admin, draft = setup["admin"], setup["draft"]
    services.version_add(actor=admin, draft=draft, upload=upload(small_law(1)))
    url = reverse("consultations_public:draft", args=[draft.public_key])
    page = client.get(url).content.decode()
    assert 'data-comment-form="d12"' in page and 'value="d12.k2.b"' in page
    response = client.post(url, {"path": "d12.k2.b", "text": "Ý kiến của cử tri", "area": "Xã Thạch Hà"})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.status, comment.path, comment.article_key, comment.source) == (
        "pending",
        "d12.k2.b",
        "d12",
        "voter",
    )
    assert comment.created_by is None
    # A robot filling the hidden field: accepted-looking answer, nothing stored.
    client.post(url, {"path": "d1", "text": "spam", "website": "http://x"})
    assert Comment.objects.count() == 1
    # Bad input: 400, the text kept, nothing stored.
    response = client.post(url, {"path": "d99", "text": "Ý kiến lạc chỗ"})
    assert response.status_code == 400 and Comment.objects.count() == 1


def test_excel_import_with_row_errors_imports_nothing_then_imports_all(client, setup):
    admin, draft = setup["admin"], setup["draft"]
    services.version_add(actor=admin, draft=draft, upload=upload(small_law(1)))
    client.force_login(admin)
    template = client.get(reverse("consultations:comment_template", args=[draft.pk]))
    assert template.status_code == 200
    headers = [c.value for c in load_workbook(io.BytesIO(template.content)).worksheets[0][1]]

    def sheet(rows):
        wb = Workbook()
        ws = wb.active
        ws.append(headers)
        for row in rows:
            ws.append(row)
        out = io.BytesIO()
        wb.save(out)
        out.seek(0)
        out.name = "y-kien.xlsx"
        return out

    url = reverse("consultations:comment_import", args=[draft.pk])
    bad = client.post(
        url,
        {
            "file": sheet(
                [["Điều 5", "Sở Tư pháp 42", "Đúng", ""], ["Điều 99", "Hội Luật gia", "Sai điều", ""]]
            )
        },
    )
    assert bad.status_code == 400 and 'data-row-error="3"' in bad.content.decode()
    assert not Comment.objects.exists()
    good = client.post(
        url,
        {
            "file": sheet(
                [
                    ["Điều 5", "Sở Tư pháp 42", "Đúng", "Đề xuất"],
                    ["điểm b khoản 2 Điều 12", "Hội Luật gia tỉnh", "Ý kiến hai", ""],
                    ["", "Hội Nông dân", "Toàn bộ dự thảo", ""],
                ]
            )
        },
    )
    assert good.status_code == 302
    rows = list(Comment.objects.order_by("pk").values_list("path", "body__name", "source_name"))
    assert rows == [
        ("d5", "Sở Tư pháp 42", "Sở Tư pháp 42"),
        ("d12.k2.b", None, "Hội Luật gia tỉnh"),
        ("", None, "Hội Nông dân"),
    ]


def test_reference_path():
    assert importing.reference_path("Điều 12 khoản 2 điểm b") == "d12.k2.b"
    assert importing.reference_path("điểm đ khoản 3 Điều 9") == "d9.k3.đ"
    assert importing.reference_path("Điều 5") == "d5"
    assert importing.reference_path("d12.k2") == "d12.k2"
    assert importing.reference_path("") == ""
    assert importing.reference_path("khoản 2") is None


def test_recipients_refusals(setup, other_province):
    from dancu.directory.models import Body, BodyKind

    admin, draft = setup["admin"], setup["draft"]
    elsewhere = Body.objects.create(
        kind=BodyKind.AGENCY, name="Sở ngoài tỉnh", province=other_province, unit=other_province
    )
    with pytest.raises(ValidationFailed):
        services.recipients_add(actor=admin, draft=draft, bodies=[elsewhere], requested_on=D(2026, 9, 1))
    with pytest.raises(ValidationFailed):
        services.recipients_add(
            actor=admin,
            draft=draft,
            bodies=[setup["justice"]],
            requested_on=D(2026, 9, 1),
            due_on=D(2026, 8, 1),
        )
    services.recipients_add(actor=admin, draft=draft, bodies=[setup["justice"]], requested_on=D(2026, 9, 1))
    with pytest.raises(Conflict):
        services.recipients_add(
            actor=admin, draft=draft, bodies=[setup["court"], setup["justice"]], requested_on=D(2026, 9, 1)
        )
    assert Recipient.objects.count() == 1  # the batch is all or nothing


def test_edit_and_delete_are_audited(setup):
    admin, draft = setup["admin"], setup["draft"]
    services.draft_update(actor=admin, draft=draft, name="Dự án Luật Đổi tên", session=draft.session)
    entry = AuditEntry.objects.filter(action="consultations.draft.update").get()
    assert entry.changes["name"]["after"] == "Dự án Luật Đổi tên"
    services.draft_delete(actor=admin, draft=draft)
    assert not Draft.objects.exists()
    assert AuditEntry.objects.filter(action="consultations.draft.delete").count() == 1


def test_the_draft_list_query_count_does_not_grow(client, setup, django_assert_max_num_queries):
    admin = setup["admin"]
    for i in range(6):
        make_draft(admin, setup["draft"].province, name=f"Dự án {i}")
    client.force_login(admin)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("consultations:draft_list")).status_code == 200


def test_calendar_and_work_items(setup, make_user):
    import datetime

    from django.utils import timezone

    from dancu.consultations import calendar, worklist

    admin, draft = setup["admin"], setup["draft"]
    services.recipients_add(actor=admin, draft=draft, bodies=[setup["justice"]], requested_on=D(2026, 9, 1))
    services.conference_add(
        actor=admin, draft=draft, format="seminar", held_on=D(2026, 9, 5), place="Hội trường"
    )
    start = timezone.make_aware(datetime.datetime(2026, 9, 1))
    end = timezone.make_aware(datetime.datetime(2026, 10, 31))
    kinds = sorted(e.kind for e in calendar.events(admin, start, end))
    assert kinds == ["consultation_conference", "consultation_due", "consultation_synthesis_due"]
    responder = make_user("agency_responder", setup["justice"])
    assert [e.kind for e in calendar.events(responder, start, end)] == ["consultation_due"]
    assert {i.kind for i in worklist.items(admin)} == {"consultation_answer", "consultation_synthesis"}
    assert [i.kind for i in worklist.items(responder)] == ["consultation_request"]


def test_coordination_counts_provider(setup):
    from django.utils import timezone

    from dancu.core.modules import provided

    counts = provided("consultations.coordination_counts")(
        setup["draft"].province_id, timezone.localdate().year
    )
    assert counts["drafts"] == 1 and all(isinstance(v, int) for v in counts.values())


def test_the_list_of_drafts_is_imported_all_or_nothing(client, setup):
    admin = setup["admin"]
    client.force_login(admin)
    template = client.get(reverse("consultations:drafts_template"))
    headers = [c.value for c in load_workbook(io.BytesIO(template.content)).worksheets[0][1]]

    def sheet(rows):
        wb = Workbook()
        ws = wb.active
        ws.append(headers)
        for row in rows:
            ws.append(row)
        out = io.BytesIO()
        wb.save(out)
        out.seek(0)
        out.name = "du-an.xlsx"
        return out

    url = reverse("consultations:drafts_import")
    province = setup["draft"].province_id
    bad = client.post(
        url,
        {
            "province": province,
            "file": sheet(
                [
                    ["Dự án Luật A", "Kỳ họp thứ hai", "20/10/2026", "", "", "", ""],
                    ["Dự án Luật B", "", "", "", "", "", ""],
                ]
            ),
        },
    )
    assert bad.status_code == 400 and Draft.objects.count() == 1
    good = client.post(
        url,
        {
            "province": province,
            "file": sheet(
                [
                    ["Dự án Luật A", "Kỳ họp thứ hai", "20/10/2026", "", "Bộ Tư pháp", "", ""],
                    ["Dự án Luật B", "Kỳ họp thứ hai", "", "", "", "", "15/10/2026"],
                ]
            ),
        },
    )
    assert good.status_code == 302
    a = Draft.objects.get(name="Dự án Luật A")
    assert a.synthesis_due == D(2026, 9, 30) and a.drafting_body == "Bộ Tư pháp"
    assert Draft.objects.get(name="Dự án Luật B").synthesis_due == D(2026, 10, 15)
