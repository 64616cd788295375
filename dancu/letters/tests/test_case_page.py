"""Issue 11, items 9 and 27: a letter's case page. Deadlines in words (their names, dd/mm/yyyy,
the days left or overdue by N days, what happens at each), the next legal step in the header,
the history read from the audit log in words, one primary action and a menu of the others,
the files with their download links."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from dancu.letters import case, services

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db

RAW_KEYS = ("reception_answer", "initial_processing", "citizen_inform", "result_report")


def _text(html: str) -> str:
    """What a person reads: the page without its tags and attributes."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _page(client, letter) -> str:
    return client.get(reverse("letters:letter_detail", kwargs={"letter_id": letter.pk})).content.decode()


def test_deadlines_read_as_words_dates_and_days(client, make_letter, specialist):
    today = timezone.localdate()
    letter = make_letter(kind="complaint", received_date=today - datetime.timedelta(days=40))
    client.force_login(specialist)
    text = _text(_page(client, letter))
    for key in RAW_KEYS:
        assert key not in text, key
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "an ISO date is shown"
    due = datetime.date.fromisoformat(letter.deadlines["reception_answer"])
    assert f"{due:%d/%m/%Y}" in text
    late = (today - due).days
    assert ngettext("overdue by %(n)s day", "overdue by %(n)s days", late) % {"n": late} in text
    assert str(case.DEADLINES["reception_answer"][0]) in text
    # What happens at it, with the number of working days of the rule set in force.
    assert str(case.DEADLINES["reception_answer"][1]) % {"n": letter.rule_set.reception_answer_wd} in text


def test_the_header_names_the_next_legal_step_with_its_deadline_and_days_left(
    client, make_letter, specialist
):
    today = timezone.localdate()
    letter = make_letter(kind="petition", received_date=today)
    client.force_login(specialist)
    html = _page(client, letter)
    header = html[html.index('id="case-header"') : html.index("</header>")]
    due = datetime.date.fromisoformat(letter.deadlines["reception_answer"])
    assert str(case.DEADLINES["reception_answer"][0]) in header
    assert f"{due:%d/%m/%Y}" in header
    days = (due - today).days
    assert (ngettext("%(n)s day left", "%(n)s days left", days) % {"n": days}) in header
    assert 'id="letter-status"' in header


def test_deadline_states(make_letter, specialist, agency):
    letter = make_letter(received_date=datetime.date(2026, 2, 13))
    letter = services.letter_forward(
        actor=specialist, letter=letter, to_body=agency, on=datetime.date(2026, 2, 16)
    )
    items = case.deadlines(letter, datetime.date(2026, 2, 20))
    states = {d.key: d.state for d in items}
    assert states["initial_processing"] == "done" and states["transfer"] == "done"
    assert states["resolve"] == "due"
    step = case.next_step(letter, items)
    assert step is not None and step.key == "resolve"
    left = (step.date - datetime.date(2026, 2, 20)).days
    assert step.when == ngettext("%(n)s day left", "%(n)s days left", left) % {"n": left}
    filed = make_letter(kind="petition")
    services.letter_transition(actor=specialist, letter=filed, action="file")
    filed.refresh_from_db()
    assert {d.state for d in case.deadlines(filed, datetime.date(2026, 2, 20))} == {"done"}
    assert case.next_step(filed, case.deadlines(filed, datetime.date(2026, 2, 20))) is None


def test_history_in_words_from_the_audit_log(client, make_letter, specialist, agency, office_admin):
    letter = make_letter()
    services.letter_forward(actor=specialist, letter=letter, to_body=agency)
    services.letter_reveal_identity(actor=office_admin, letter=letter, reason="Xác minh theo yêu cầu")
    client.force_login(specialist)
    html = _page(client, letter)
    history = html[html.index('id="history"') :].split("</ol>", 1)[0]
    assert gettext("Letter registered") in history
    assert gettext("Forwarded to the competent body") in history and agency.name in history
    assert specialist.get_full_name() in history
    assert gettext("Writer's identity revealed (the reason is in the audit log)") in history
    # Never the reason, never the identity, never an action's code.
    assert "Xác minh theo yêu cầu" not in history and SECRET_NAME not in history
    assert "letters.letter" not in history


def test_one_primary_action_and_the_others_in_a_menu(client, make_letter, specialist):
    letter = make_letter(kind="complaint")
    client.force_login(specialist)
    html = _page(client, letter)
    actions = html[html.index('id="case-actions"') : html.index("</header>")]
    assert actions.count('id="primary-action"') == 1
    assert gettext("Forward to the competent body") in actions.split('id="actions-menu"')[0]
    menu = actions.split('id="actions-menu"', 1)[1]
    for item in ("menu-accept", "menu-guide", "menu-file", "menu-split", "menu-edit", "menu-delete"):
        assert f'id="{item}"' in menu, item
    # Only the primary's form is open; the others are closed panels.
    assert 'class="collapse show" id="panel-forward"' in html
    assert 'class="collapse" id="panel-guide"' in html and 'class="collapse" id="panel-result"' in html
    # A letter within our competence: accepting it comes first.
    ours = make_letter(kind="complaint", competence="ours")
    assert (
        'action="{}"'.format(
            reverse("letters:letter_action", kwargs={"letter_id": ours.pk, "action": "accept"})
        )
        in _page(client, ours).split('id="actions-menu"')[0]
    )


def test_a_refused_step_opens_its_own_panel(client, make_letter, specialist):
    letter = make_letter(kind="complaint")
    client.force_login(specialist)
    url = reverse("letters:letter_action", kwargs={"letter_id": letter.pk, "action": "guide"})
    response = client.post(url, {"guided_to": "", "guided_to_name": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="collapse show" id="panel-guide"' in html and 'id="guide-error"' in html


def test_files_have_download_links(client, make_letter, office_admin):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
    letter = make_letter(attachments=[services.Upload("anh.png", png)])
    client.force_login(office_admin)
    html = _page(client, letter)
    file = letter.attachments.get()
    assert (
        reverse("letters:letter_attachment", kwargs={"letter_id": letter.pk, "attachment_id": file.pk})
        in html
    )


def test_the_agency_sees_its_answer_form_and_no_history(client, make_letter, specialist, agency, make_user):
    letter = make_letter()
    services.letter_forward(actor=specialist, letter=letter, to_body=agency)
    client.force_login(make_user("agency_responder", agency))
    html = _page(client, letter)
    assert 'id="primary-action"' in html and 'class="collapse show" id="panel-result"' in html
    assert 'id="history"' not in html and 'id="actions-menu"' not in html
