"""The workflow machine, on a core model (ImportJob) with a test declaration: permission,
state, guard and object rule are checked before anything is written; a batch moves all or
none; the move is audited and bumps the module's data version."""

from __future__ import annotations

import pytest
from django.db import transaction

from dancu.core.access import Access
from dancu.core.audit import verify_chain
from dancu.core.errors import Conflict, PermissionDenied
from dancu.core.models import AuditEntry, ImportJob
from dancu.core.paging import DataVersion
from dancu.core.workflow import Workflow, act

pytestmark = pytest.mark.django_db

S = ImportJob.Status
PROVINCE = 7


def flow(**kw) -> Workflow:
    return Workflow(
        label="core.importjob",
        states=S,
        initial=S.PENDING,
        province=lambda job: job.params.get("province_id"),
        actions=[
            act("start", {S.PENDING}, S.RUNNING, "jobs.run", "Start", **kw),
            act("fail", {S.PENDING, S.RUNNING}, S.FAILED, "jobs.run", "Fail"),
            act("succeed", {S.RUNNING}, S.SUCCEEDED, "jobs.approve", "Succeed"),
        ],
    )


def job(**params) -> ImportJob:
    return ImportJob.objects.create(kind="t", params={"province_id": PROVINCE, **params})


RUNNER = Access(user_id=1, provinces_by_perm={"jobs.run": {PROVINCE}})
ELSEWHERE = Access(user_id=2, provinces_by_perm={"jobs.run": {PROVINCE + 1}})
ADMIN = Access(user_id=3, is_national_admin=True)


def test_apply_moves_saves_and_audits():
    j = job()
    version = DataVersion("core")
    before_version = version.get()
    with transaction.atomic():
        former = flow().apply(actor=None, access=RUNNER, obj=j, action="start", summary="go")
    assert former == S.PENDING
    j.refresh_from_db()
    assert j.status == S.RUNNING
    entry = AuditEntry.objects.latest("id")
    assert entry.action == "core.importjob.start" and entry.target_id == str(j.pk)
    assert entry.changes["status"] == {"before": "pending", "after": "running"}
    assert version.get() > before_version
    assert list(verify_chain()) == []


@pytest.mark.parametrize(
    ("access", "action", "error"),
    [
        (ELSEWHERE, "start", PermissionDenied),
        (RUNNER, "succeed", PermissionDenied),
        (ADMIN, "succeed", Conflict),
    ],
)
def test_refusals_change_nothing(access, action, error):
    j = job()
    audits = AuditEntry.objects.count()
    with pytest.raises(error), transaction.atomic():
        flow().apply(actor=None, access=access, obj=j, action=action)
    j.refresh_from_db()
    assert j.status == S.PENDING and AuditEntry.objects.count() == audits


def test_guard_and_rule_give_reasons_and_block():
    guarded = flow(guard=lambda j: "Tệp chưa được kiểm tra." if not j.params.get("checked") else None)
    j = job()
    assert guarded.blocked_reason(RUNNER, j, "start") == "Tệp chưa được kiểm tra."
    with pytest.raises(Conflict) as exc, transaction.atomic():
        guarded.apply(actor=None, access=RUNNER, obj=j, action="start")
    assert exc.value.code == "invalid_transition"
    ruled = flow(rule=lambda access, j: access.user_id == j.params.get("owner"))
    assert ruled.blocked_reason(RUNNER, job(owner=1), "start") == ""
    with pytest.raises(PermissionDenied), transaction.atomic():
        ruled.apply(actor=None, access=RUNNER, obj=job(owner=99), action="start")


def test_available_lists_only_what_the_user_may_do_now():
    j = job()
    assert [a.name for a in flow().available(RUNNER, j)] == ["start", "fail"]
    assert flow().available(ELSEWHERE, j) == []
    assert [a.name for a in flow().available(ADMIN, j)] == ["start", "fail"]
    assert flow().blocked_reason(ELSEWHERE, j, "start")  # a reason, not ""
    assert flow().blocked_reason(ADMIN, j, "succeed")  # wrong state: a reason too


def test_apply_many_is_all_or_nothing():
    first, second = job(), job()
    with transaction.atomic():
        flow().apply(actor=None, access=RUNNER, obj=second, action="start")
    audits = AuditEntry.objects.count()
    with pytest.raises(Conflict), transaction.atomic():
        flow().apply_many(actor=None, access=RUNNER, objs=[first, second], action="start")
    first.refresh_from_db()
    assert first.status == S.PENDING and AuditEntry.objects.count() == audits
    with transaction.atomic():
        assert flow().apply_many(actor=None, access=RUNNER, objs=[first, job()], action="start") == 2


@pytest.mark.django_db(transaction=True)
def test_apply_needs_a_transaction_and_known_actions():
    with pytest.raises(RuntimeError):
        flow().apply(actor=None, access=RUNNER, obj=job(), action="start")
    with pytest.raises(Conflict) as exc:
        flow().action("explode")
    assert exc.value.code == "unknown_action"


def test_declaration_is_validated():
    with pytest.raises(ValueError, match="unknown states"):
        Workflow(label="x", states=S, initial=S.PENDING, actions=[act("a", {"nowhere"}, S.RUNNING, "p")])
    with pytest.raises(ValueError, match="initial"):
        Workflow(label="x", states=S, initial="nowhere", actions=[])


def test_claim_is_compare_and_set():
    j = job()
    qs = ImportJob.objects.filter(pk=j.pk)
    assert flow().claim(qs, "start", total=5) == 1
    assert flow().claim(qs, "start") == 0  # a second worker finds it taken
    j.refresh_from_db()
    assert (j.status, j.total) == (S.RUNNING, 5)


def test_scope_filters_by_province_and_empties_without_rights():
    a, b = job(), job()
    qs = ImportJob.objects.all()
    only_a = Access(user_id=1, provinces_by_perm={"p": {a.pk}})
    assert list(only_a.scope(qs, "p", "pk")) == [a]
    assert set(ADMIN.scope(qs, "p", "pk")) == {a, b}
    assert list(Access(user_id=1).scope(qs, "p", "pk")) == []
    assert ADMIN.province_filter("p") is None


def test_permitted_and_the_rule_evaluated_once():
    calls = []

    def rule(access, j):
        calls.append(j.pk)
        return True

    ruled = flow(rule=rule)
    j = job()
    assert ruled.permitted(RUNNER, j, "start") and not ruled.permitted(ELSEWHERE, j, "start")
    calls.clear()
    ruled.check(RUNNER, j, "start")
    assert calls == [j.pk]


def test_province_ids():
    assert RUNNER.province_ids("jobs.run") == [PROVINCE]
    assert ADMIN.province_ids("jobs.run") is None
    assert Access(user_id=9).province_ids("jobs.run") == []
