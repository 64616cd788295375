"""Suggestions from the persisted per-province index (the path at scale): the same scope and the
same answers as the live index, current with petitions created, edited or deleted after the build."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from dancu.petitions import selectors, services
from dancu.petitions.models import Petition


@pytest.fixture
def index_dir(tmp_path, settings):
    settings.PETITIONS_SUGGEST_INDEX_DIR = str(tmp_path / "suggest")
    selectors._LOADED.clear()
    selectors._CURRENT.clear()
    yield tmp_path / "suggest"
    selectors._LOADED.clear()
    selectors._CURRENT.clear()


@pytest.fixture
def petitions(pworld):
    return services.consolidate_round(actor=pworld["specialist"], round=pworld["round"])


def test_persisted_index_answers_like_the_live_one_and_stays_current(pworld, petitions, index_dir, make_user, other_office):
    viewer = pworld["specialist"]
    text = "Quốc lộ 8A xuống cấp, nhiều ổ gà"
    live = selectors.suggest(viewer, text)
    assert selectors.suggest_persisted(viewer, text) is None  # no file yet: the other paths answer
    call_command("petitions_suggest_index", "--province", str(pworld["province"].pk))
    assert selectors.suggest_index_file(pworld["province"].pk).exists()
    persisted = selectors.suggest(viewer, text)
    assert [p.pk for p, _s in persisted] == [p.pk for p, _s in live]
    assert selectors.suggest_persisted(viewer, text) is not None
    # Another province's office sees nothing of this province.
    assert selectors.suggest(make_user("office_admin", other_office), text) == []
    # A petition created after the build is suggested at once; an edited text counts as edited.
    road = next(p for p in petitions if "8A" in p.text)
    new = Petition.objects.create(
        round=road.round, province=road.province, code="KN-NEW-1", text="Cầu treo Khe Giao bị gãy cáp, người dân phải lội suối"
    )
    assert selectors.suggest(viewer, "cầu treo Khe Giao gãy cáp")[0][0].pk == new.pk
    road.text = "Trạm bơm Đồng Ngang hỏng, ruộng thiếu nước tưới"
    road.save()
    after_edit = [p.pk for p, _s in selectors.suggest(viewer, "trạm bơm Đồng Ngang hỏng, thiếu nước tưới")]
    assert after_edit and after_edit[0] == road.pk
    # A deleted petition is never suggested.
    new.delete()
    assert new.pk not in [p.pk for p, _s in selectors.suggest(viewer, "cầu treo Khe Giao gãy cáp")]


def test_too_stale_or_foreign_index_is_not_used(pworld, petitions, index_dir, monkeypatch):
    viewer = pworld["specialist"]
    call_command("petitions_suggest_index", "--all")
    assert selectors.suggest_persisted(viewer, "Quốc lộ 8A") is not None
    monkeypatch.setattr(selectors, "SUGGEST_INDEX_MAX_DELTA", 0)
    road = petitions[0]
    road.save()  # one edit since the build: above the (lowered) limit
    assert selectors.suggest_persisted(viewer, "Quốc lộ 8A") is None
    assert selectors.suggest(viewer, "Quốc lộ 8A xuống cấp")  # the live paths still answer
    monkeypatch.setattr(selectors, "SUGGEST_INDEX_MAX_DELTA", 2000)
    # A file written for another database (a copy, a test run) is ignored.
    monkeypatch.setitem(selectors.connection.settings_dict, "NAME", "another_database")
    selectors._LOADED.clear()
    assert selectors.suggest_persisted(viewer, "Quốc lộ 8A") is None


def test_command_rejects_bad_input(db, index_dir):
    with pytest.raises(CommandError):
        call_command("petitions_suggest_index")
    with pytest.raises(CommandError):
        call_command("petitions_suggest_index", "--province", "999999")
    assert not index_dir.exists()


def test_a_worker_preloads_every_persisted_index_before_its_first_request(pworld, petitions, index_dir):
    import logging
    import runpy
    from pathlib import Path

    from django.conf import settings

    assert selectors.preload_suggest_indexes() == []  # no file yet
    call_command("petitions_suggest_index", "--province", str(pworld["province"].pk))
    (index_dir / "province-x.pickle").write_bytes(b"not ours")  # ignored, not a crash
    selectors._LOADED.clear()
    # The hook gunicorn runs in each new worker (config/gunicorn.conf.py) fills the cache.
    conf = runpy.run_path(str(Path(settings.BASE_DIR) / "config" / "gunicorn.conf.py"))

    class Worker:
        log = logging.getLogger("gunicorn.test")

    conf["post_worker_init"](Worker())
    assert pworld["province"].pk in selectors._LOADED
    assert selectors._LOADED[pworld["province"].pk][1] is not None
    # and it answered once, so what an index computes on first use is ready
    assert selectors._CURRENT[pworld["province"].pk][1]._matrix_t is not None
    assert selectors.preload_suggest_indexes() == [pworld["province"].pk]
