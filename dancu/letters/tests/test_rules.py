"""Deadlines against hand-checked dates (calendar seeded 2024-2027: Tết 2026 off 16-20 Feb,
weekends 14-15 and 21-22 Feb; 30 Apr and 1 May holidays)."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dancu.core.errors import ValidationFailed
from dancu.letters.rules import compute_deadlines, retention_until, rule_set_for, schedule_deadlines

pytestmark = pytest.mark.django_db
D = datetime.date
BEFORE_TET = D(2026, 2, 13)  # Friday before Tết


def test_complaint_before_tet():
    got = compute_deadlines(kind="complaint", received=BEFORE_TET)
    # 10 WD: 23-27 Feb (5), 2-6 Mar (10). 30 days from 6 Mar = Sun 5 Apr -> Mon 6 Apr.
    # 7 WD after 6 Apr: 7-10, 13-15 Apr. 5 WD after 15 Apr: 16, 17, 20, 21, 22 Apr.
    assert got == {
        "reception_answer": D(2026, 3, 6),
        "accept": D(2026, 3, 6),
        "resolve": D(2026, 4, 6),
        "result_report": D(2026, 4, 15),
        "citizen_inform": D(2026, 4, 22),
    }


@pytest.mark.parametrize(
    ("remote", "complex_case", "resolve"),
    [
        (False, True, D(2026, 4, 20)),  # 6 Mar + 45 = Mon 20 Apr
        (True, False, D(2026, 4, 20)),
        (True, True, D(2026, 5, 5)),  # 6 Mar + 60 = Tue 5 May
    ],
)
def test_complaint_remote_and_complex(remote, complex_case, resolve):
    got = compute_deadlines(kind="complaint", received=BEFORE_TET, remote=remote, complex_case=complex_case)
    assert got["resolve"] == resolve


def test_deadline_ending_on_holiday_moves_to_next_working_day():
    # Accepted 31 Mar 2026: 30 days -> Thu 30 Apr (holiday), 1 May holiday, 2-3 May weekend -> Mon 4 May.
    got = compute_deadlines(kind="complaint", received=D(2026, 3, 20), accepted=D(2026, 3, 31))
    assert got["resolve"] == D(2026, 5, 4)


def test_deadline_ending_on_weekend():
    # Received Wed 1 Jul 2026, accepted Fri 3 Jul: +30 days = Sun 2 Aug -> Mon 3 Aug.
    got = compute_deadlines(kind="complaint", received=D(2026, 7, 1), accepted=D(2026, 7, 3))
    assert got["resolve"] == D(2026, 8, 3)


def test_denunciation_before_tet_and_extensions():
    got = compute_deadlines(kind="denunciation", received=BEFORE_TET)
    assert got["transfer"] == D(2026, 2, 27)  # 5 WD: 23-27 Feb
    assert got["initial_processing"] == D(2026, 3, 3)  # 7 WD
    assert got["initial_processing_extended"] == D(2026, 3, 6)  # 10 WD
    assert got["resolve"] == D(2026, 4, 6)  # 6 Mar + 30 = Sun 5 Apr -> Mon 6 Apr
    one = compute_deadlines(kind="denunciation", received=BEFORE_TET, extensions=1)
    assert one["resolve_extended"] == D(2026, 5, 5)  # 6 Mar + 60
    two = compute_deadlines(kind="denunciation", received=BEFORE_TET, extensions=2)
    assert two["resolve_extended"] == D(2026, 6, 4)  # 6 Mar + 90 (Thu)
    assert two["result_report"] == D(2026, 6, 15)  # 7 WD: 5, 8-12, 15 Jun
    assert two["citizen_inform"] == D(2026, 6, 22)
    with pytest.raises(ValidationFailed):
        compute_deadlines(kind="denunciation", received=BEFORE_TET, extensions=3)


def test_petition_and_report():
    assert compute_deadlines(kind="petition", received=BEFORE_TET) == {"reception_answer": D(2026, 3, 6)}
    assert compute_deadlines(kind="report", received=D(2026, 4, 24)) == {
        # Fri 24 Apr: 27 Apr in lieu, 28-29 (2), 30 Apr + 1 May off, 4-8 May (7), 11-13 (10)
        "reception_answer": D(2026, 5, 13)
    }


def test_retention_and_schedule():
    rs = rule_set_for(BEFORE_TET)
    assert retention_until(D(2026, 3, 2), rs) == D(2027, 3, 2)
    # Reception day Wed 25 Feb 2026: post 5 WD before -> Wed 11 Feb (23, 24, 13, 12, 11... counting back)
    post, notify = schedule_deadlines(D(2026, 2, 25), rs)
    assert post == D(2026, 2, 11)  # back: 24, 23, 13, 12, 11
    assert notify == D(2026, 2, 4)  # further: 10, 9, 6, 5, 4


def test_effective_dated_rule_set_is_chosen_by_received_date():
    from dancu.letters.models import LetterRuleSet

    old = LetterRuleSet.objects.get()
    LetterRuleSet.objects.create(name="2026 decree", valid_from=D(2026, 7, 1), complaint_accept_wd=7)
    old.valid_to = D(2026, 6, 30)
    old.save()
    assert compute_deadlines(kind="complaint", received=D(2026, 6, 30))["accept"] == D(2026, 7, 14)
    assert compute_deadlines(kind="complaint", received=D(2026, 7, 1))["accept"] == D(2026, 7, 10)


def test_command_prints_deadlines():
    out = StringIO()
    call_command(
        "letters_deadlines",
        "--kind",
        "denunciation",
        "--received",
        "2026-02-13",
        "--extensions",
        "1",
        stdout=out,
    )
    lines = out.getvalue().splitlines()
    assert "transfer: 2026-02-27" in lines
    assert "resolve_extended: 2026-05-05" in lines
    assert all(": " in line for line in lines)
    out = StringIO()
    call_command(
        "letters_deadlines",
        "--kind",
        "complaint",
        "--received",
        "2026-02-13",
        "--remote",
        "--complex",
        stdout=out,
    )
    assert "resolve: 2026-05-05" in out.getvalue().splitlines()
    with pytest.raises(CommandError):
        call_command("letters_deadlines", "--kind", "complaint", "--received", "13/02/2026")
