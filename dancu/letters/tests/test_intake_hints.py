"""Issue 11, items 22, 23 and 10: the intake form warns of a duplicate while it is filled in
(a debounced htmx POST to a scoped endpoint); a sealed match says only "possible duplicate of
a sealed letter" and is audited once. The two "Nội dung" fields have distinct names; labels
whose English source was ambiguous are reworded."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from dancu.core.models import AuditEntry
from dancu.letters import services
from dancu.letters.forms import CONTENT_LABEL, SUBJECT_LABEL, IntakeForm, PublicSubmitForm
from dancu.letters.models import Channel, Letter
from dancu.letters.workflow import FLOW

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db
URL = "letters:intake_duplicates"


def test_a_known_writer_is_flagged_while_typing(client, make_letter, specialist, delegation):
    earlier = make_letter(
        kind="complaint",
        subject="Khiếu nại về tiền điện",
        identity=services.Identity(name="Lê Văn Rõ", phone="0911222333"),
    )
    client.force_login(specialist)
    response = client.post(reverse(URL), {"receiving_body": delegation.pk, "phone": "0911 222 333"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert earlier.number in html and gettext("same person") in html
    assert Letter.objects.count() == 1  # nothing registered
    # Nothing typed yet: nothing said.
    empty = client.post(reverse(URL), {"receiving_body": delegation.pk}).content.decode()
    assert "duplicate-hint" not in empty


def test_a_sealed_match_says_only_that_and_is_audited_once(client, make_letter, specialist, delegation):
    sealed = make_letter()  # a denunciation: sealed
    client.force_login(specialist)
    data = {"receiving_body": delegation.pk, "phone": "0912 345 678", "subject": "Khiếu nại khác"}
    html = client.post(reverse(URL), data).content.decode()
    assert gettext("Possible duplicate of a sealed letter: ask a person with the reveal right.") in html
    assert sealed.number not in html and gettext("same person") not in html and SECRET_NAME not in html
    client.post(reverse(URL), {**data, "subject": "Khiếu nại khác nữa"})  # typing on
    entries = AuditEntry.objects.filter(action="letters.duplicate_check_sealed")
    assert entries.count() == 1 and entries.get().changes == {
        "sealed_letters": [sealed.pk],
        "during_intake": True,
    }


def test_the_hints_are_scoped_and_post_only(client, make_letter, make_user, other_office, delegation, office):
    make_letter(kind="complaint", identity=services.Identity(name="Lê Văn Rõ", phone="0911222333"))
    # Another province's Office: not its letters (and not its receiving body).
    client.force_login(make_user("office_admin", other_office))
    html = client.post(
        reverse(URL), {"receiving_body": delegation.pk, "phone": "0911222333"}
    ).content.decode()
    assert "duplicate-hint" not in html
    client.force_login(make_user("viewer", office))
    assert client.post(reverse(URL), {"phone": "0911222333"}).status_code == 403
    client.force_login(make_user("specialist", office))
    assert client.get(reverse(URL)).status_code == 405


def test_the_intake_form_asks_for_hints_as_it_is_filled(client, specialist, delegation):
    client.force_login(specialist)
    html = client.get(reverse("letters:letter_create")).content.decode()
    assert f'hx-post="{reverse(URL)}"' in html and 'id="duplicate-hints"' in html
    assert 'hx-trigger="input changed delay:600ms, change"' in html
    # Never the files: only the fields that may reveal a duplicate are sent.
    assert 'hx-params="receiving_body,subject,content,target,name,address,id_number,phone"' in html


def test_the_two_content_fields_have_distinct_names():
    for form in (IntakeForm(), PublicSubmitForm()):
        assert form.fields["subject"].label == SUBJECT_LABEL and form.fields["content"].label == CONTENT_LABEL
        assert str(form.fields["subject"].label) != str(form.fields["content"].label)
    assert str(SUBJECT_LABEL) == gettext("Summary of the content")
    assert str(CONTENT_LABEL) == gettext("Content of the letter")


def test_ambiguous_english_sources_are_reworded():
    assert str(Channel.POST.label) == gettext("By post")
    assert str(FLOW.action("file").label) == gettext("Put on file")
    assert str(services.PUBLIC_ACTOR) == gettext("A citizen, through the online letter form")
    assert "(online form)" not in str(services.PUBLIC_ACTOR)
