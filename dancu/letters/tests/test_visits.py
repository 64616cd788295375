"""Reception visits: recorded at a reception day, citizens sealed for denunciations, a letter
created from a visit in one step (prefilled, linked), audited."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.directory.tests.factories import PersonFactory
from dancu.letters import crypto, services
from dancu.letters.models import Letter, ReceptionVisit

pytestmark = pytest.mark.django_db

DENOUNCER = "Lê Văn Kín Tên"
PETITIONER = "Hoàng Thị Kiến Nghị"


@pytest.fixture
def day(delegation, specialist):
    return services.reception_day_create(
        actor=specialist, body=delegation, date=datetime.date(2026, 3, 16), place="Trụ sở tiếp công dân"
    )


@pytest.fixture
def delegate_person(province):
    return PersonFactory(full_name="Đại Biểu Tiếp Dân", province=province)


def _record(actor, day, kind="denunciation", names=(DENOUNCER,), **kwargs):
    return services.visit_record(
        actor=actor,
        reception_day=day,
        kind=kind,
        citizens=services.Citizens(
            names=list(names), address="Thôn 5, xã Kỳ Tân", id_number="042190009999", phone="0911 222 333"
        ),
        content=kwargs.pop("content", "Tố cáo trưởng thôn thu tiền trái phép\nChi tiết kèm theo"),
        **kwargs,
    )


def test_denunciation_visit_is_sealed(day, specialist, delegate_person):
    visit = _record(specialist, day, delegates=[delegate_person], result="Đã tiếp nhận", follow_up="Lập đơn")
    assert visit.citizens == "" and DENOUNCER not in visit.sealed_citizens
    assert visit.citizens_redacted == ""  # no part of a sealed name, not even initials
    assert list(visit.delegates.all()) == [delegate_person]
    assert services.visit_citizens(visit).names == [DENOUNCER]
    with connection.cursor() as cursor:
        cursor.execute("SELECT citizens, sealed_citizens, citizens_redacted FROM letters_receptionvisit")
        assert DENOUNCER not in " ".join(" ".join(r) for r in cursor.fetchall())
    entry = AuditEntry.objects.filter(action="letters.visit_record").latest("id")
    assert DENOUNCER not in str(entry.changes) + entry.summary


def test_plain_visit_keeps_names(day, specialist):
    visit = _record(specialist, day, kind="petition", names=[PETITIONER, "Người Thứ Hai"], citizen_count=6)
    assert visit.citizens.splitlines() == [PETITIONER, "Người Thứ Hai"]
    assert visit.citizen_count == 6


def test_visit_validation(day, specialist, make_user, office, other_office, other_province):
    with pytest.raises(ValidationFailed):
        _record(specialist, day, names=["  "])
    with pytest.raises(ValidationFailed):
        _record(specialist, day, content=" ")
    with pytest.raises(ValidationFailed):
        _record(specialist, day, names=["A", "B"], citizen_count=1)
    with pytest.raises(ValidationFailed):
        _record(specialist, day, delegates=[PersonFactory(province=other_province)])
    with pytest.raises(PermissionDenied):
        _record(make_user("office_admin", other_office), day)
    with pytest.raises(PermissionDenied):
        _record(make_user("viewer", office), day)
    assert ReceptionVisit.objects.count() == 0


def test_letter_from_visit_in_one_step(day, specialist):
    visit = _record(specialist, day, names=[DENOUNCER, "B", "C", "D", "E"], citizen_count=7)
    letter = services.visit_create_letter(actor=specialist, visit=visit)
    visit.refresh_from_db()
    assert visit.letter == letter and letter.visit == visit
    assert letter.reception_day == day and letter.channel == "reception_day"
    assert letter.receiving_body_id == day.body_id and letter.received_date == day.date
    assert letter.kind == "denunciation" and letter.subject == "Tố cáo trưởng thôn thu tiền trái phép"
    assert letter.signer_count == 7 and letter.representative_count == 2
    assert crypto.unseal(letter.sealed_identity)["name"] == DENOUNCER
    assert DENOUNCER not in letter.redacted_name
    assert letter.deadlines  # computed like any letter
    assert AuditEntry.objects.filter(action="letters.visit_create_letter").count() == 1
    with pytest.raises(Conflict):
        services.visit_create_letter(actor=specialist, visit=visit)
    assert Letter.objects.count() == 1


def test_visit_pages(client, day, specialist, make_user, office, other_office, delegate_person):
    url = reverse("letters:reception_day_detail", kwargs={"day_id": day.pk})
    client.force_login(specialist)
    response = client.post(
        url,
        {
            "kind": "denunciation",
            "citizens": DENOUNCER,
            "content": "Tố cáo thu tiền trái phép",
            "delegates": [str(delegate_person.pk)],
            "result": "Đã giải thích",
        },
    )
    assert response.status_code == 302
    visit = ReceptionVisit.objects.get()
    assert list(visit.delegates.all()) == [delegate_person]
    page = client.get(url).content.decode()
    assert DENOUNCER not in page and "Tố cáo thu tiền trái phép" in page and "Đại Biểu Tiếp Dân" in page
    # a bad visit is refused with a message on the same form (what was typed kept), writes nothing
    response = client.post(url, {"kind": "petition", "citizens": "", "content": "nội dung đã gõ"})
    assert response.status_code == 400 and ReceptionVisit.objects.count() == 1
    assert "nội dung đã gõ" in response.content.decode()
    response = client.post(
        url, {"kind": "petition", "citizens": "A\nB", "citizen_count": "1", "content": "x"}
    )
    html = response.content.decode()
    assert response.status_code == 400 and ReceptionVisit.objects.count() == 1
    after_field = html[html.index('id="v-citizen_count"') :]
    assert after_field.index("text-danger small") < after_field.index("<label")  # next to the field
    response = client.post(reverse("letters:visit_letter", kwargs={"visit_id": visit.pk}))
    letter = Letter.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{letter.pk}/")
    # A second letter for the same visit is refused on the day's page, which stays as it was.
    again = client.post(reverse("letters:visit_letter", kwargs={"visit_id": visit.pk}))
    assert again.status_code == 400 and 'id="visit-letter-error"' in again.content.decode()
    assert Letter.objects.count() == 1
    assert letter.number in client.get(url).content.decode()
    # a viewer sees the day but records nothing; another province sees nothing
    client.force_login(make_user("viewer", office))
    assert client.get(url).status_code == 200
    assert client.post(url, {"kind": "petition", "citizens": "X", "content": "y"}).status_code == 403
    assert ReceptionVisit.objects.count() == 1
    client.force_login(make_user("office_admin", other_office))
    assert client.get(url).status_code == 404
    other_visit = _record(specialist, day)
    assert (
        client.post(reverse("letters:visit_letter", kwargs={"visit_id": other_visit.pk})).status_code == 404
    )
    assert Letter.objects.count() == 1
