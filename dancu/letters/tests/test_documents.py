import datetime

import pytest
from django.urls import reverse

from dancu.core.documents import docx_text
from dancu.core.errors import PermissionDenied
from dancu.letters import documents, services

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db


def test_transfer_slip_is_redacted_and_copies_the_sister_body(make_letter, standing, agency, specialist):
    letter = make_letter()
    letter = services.letter_forward(
        actor=specialist, letter=letter, to_body=agency, on=datetime.date(2026, 2, 20)
    )
    text = docx_text(documents.transfer_slip(letter))
    assert agency.name in text and standing.name in text
    # A denouncer: no part of the name, not even initials (issue 10, finding 15).
    assert SECRET_NAME not in text and "T. T. B." not in text
    assert documents.SEALED_WRITER in text
    # The guidance letter names the writer: the specialist may not issue it for a sealed one.
    with pytest.raises(PermissionDenied):
        services.letter_guidance_document(actor=specialist, letter=letter)
    complaint = make_letter(kind="complaint")
    assert "T. T. B. Ẩ." in docx_text(documents.transfer_slip(complaint))


def test_statistics_and_report(client, make_letter, specialist):
    make_letter()
    make_letter(kind="complaint", received_date=datetime.date(2026, 3, 2))
    client.force_login(specialist)
    page = client.get(reverse("letters:statistics")).content.decode()
    assert "letters-chart-data" in page and "02/2026" in page and "03/2026" in page
    response = client.get(reverse("letters:register_export"))
    body = b"".join(response.streaming_content)
    assert response.status_code == 200 and body[:2] == b"PK"
    assert SECRET_NAME.encode() not in body
    assert (
        response["Content-Disposition"].startswith("attachment")
        and response["X-Content-Type-Options"] == "nosniff"
    )


def test_detail_page_split_and_link(client, make_letter, specialist):
    letter = make_letter(kind="complaint")
    client.force_login(specialist)
    url = reverse("letters:letter_action", kwargs={"letter_id": letter.pk, "action": "split"})
    assert client.post(url, {"kinds": ["complaint", "petition"]}).status_code == 302
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": letter.pk})).content.decode()
    assert f"{letter.number}.2" in page
    assert SECRET_NAME not in page


def test_register_page_query_count_and_capped_count(
    client, make_letter, specialist, django_assert_max_num_queries
):
    from dancu.letters import paging

    for _i in range(4):
        make_letter()
    client.force_login(specialist)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("letters:register"))
    assert page.status_code == 200
    old = paging.CappedPaginator.cap
    paging.CappedPaginator.cap = 2
    try:
        body = client.get(reverse("letters:register")).content.decode()
        assert "Hơn 2 kết quả" in body
    finally:
        paging.CappedPaginator.cap = old


def test_intake_page_refuses_a_bad_attachment_and_prefills_a_reception_day(client, delegation, specialist):
    import io

    from dancu.letters.models import Letter

    day = services.reception_day_create(actor=specialist, body=delegation, date=datetime.date(2026, 3, 4))
    client.force_login(specialist)
    page = client.get(reverse("letters:letter_create") + f"?reception_day={day.pk}").content.decode()
    assert f'<option value="{day.pk}" selected>' in page
    bad = io.BytesIO(b"MZ\x90\x00 not a pdf")
    bad.name = "don.pdf"
    data = {
        "receiving_body": delegation.pk,
        "received_date": "2026-03-04",
        "channel": "reception_day",
        "reception_day": day.pk,
        "kind": "complaint",
        "letter_field": "land",
        "subject": "Khiếu nại",
        "signer_count": 1,
        "representative_count": 0,
        "competence": "unknown",
        "attachments": bad,
    }
    response = client.post(reverse("letters:letter_create"), data)
    # The refusal comes back on the same form, next to the field, with what was typed.
    html = response.content.decode()
    assert response.status_code == 400 and "don.pdf" in html
    assert html.index("don.pdf") > html.index('name="attachments"')
    assert 'value="Khiếu nại"' in html
    assert Letter.objects.count() == 0
    good = io.BytesIO(b"%PDF-1.7 ok")
    good.name = "don.pdf"
    response = client.post(reverse("letters:letter_create"), {**data, "attachments": good})
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.reception_day == day and letter.attachments.count() == 1
