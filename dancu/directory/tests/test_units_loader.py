"""The administrative-unit loader: real counts for Hà Tĩnh, successions, idempotency, search."""

from io import StringIO

import pytest
from django.core.management import call_command

from dancu.core.search import search_queryset
from dancu.directory.models import AdministrativeUnit, UnitLevel, UnitSuccession
from dancu.directory.units_loader import current_unit_for, load_units, read_sources


@pytest.fixture
def ha_tinh(db):
    return load_units(["42"])


def unit(key: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(key=key)


def test_whole_country_sources_resolve():
    # No database: only the reading and the matching of the two packages' data.
    source = read_sources()
    levels = [(u.level, u.valid_to is None) for u in source.units]
    assert levels.count((UnitLevel.PROVINCE, True)) == 34
    assert levels.count((UnitLevel.COMMUNE, True)) == 3321
    assert levels.count((UnitLevel.PROVINCE, False)) == 63
    assert levels.count((UnitLevel.DISTRICT, False)) == 696
    # 10,040 rows, of which 5 are island districts without communes.
    assert levels.count((UnitLevel.COMMUNE, False)) == 10035
    assert source.unresolved == []
    old_with_default = {old for (old, _new), default in source.successions.items() if default}
    old_communes = {u.key for u in source.units if u.level == UnitLevel.COMMUNE and u.valid_to}
    assert old_communes <= old_with_default


def test_ha_tinh_counts(ha_tinh):
    assert ha_tinh["unresolved"] == 0
    new = unit("p2025:42")
    old = unit("p1976:42")
    assert (new.name, new.short_name, new.valid_to, new.valid_from.isoformat()) == (
        "Tỉnh Hà Tĩnh",
        "Hà Tĩnh",
        None,
        "2025-07-01",
    )
    assert old.valid_to.isoformat() == "2025-06-30"
    assert new.children.filter(level=UnitLevel.COMMUNE).count() == 69
    assert old.children.filter(level=UnitLevel.DISTRICT).count() == 12
    assert AdministrativeUnit.objects.filter(parent__parent=old, level=UnitLevel.COMMUNE).count() == 209
    # Codes keep the government's zero padding.
    assert unit("c1976:18073").name == "Phường Nam Hà"
    assert unit("d1976:436").name == "Thành phố Hà Tĩnh"
    assert UnitSuccession.objects.get(predecessor=old, successor=new).is_default


def test_every_old_commune_has_a_default_successor_in_todays_ha_tinh(ha_tinh):
    new = unit("p2025:42")
    old_communes = AdministrativeUnit.objects.filter(parent__parent__key="p1976:42", level=UnitLevel.COMMUNE)
    for commune in old_communes:
        defaults = list(commune.succession_out.filter(is_default=True).select_related("successor"))
        assert len(defaults) == 1, commune
        assert defaults[0].successor.parent_id == new.pk
        assert current_unit_for(commune).parent_id == new.pk


def test_known_merge_ha_huy_tap(ha_tinh):
    # Phường Hà Huy Tập (from 2025) = xã Thạch Đài + xã Tân Lâm Hương + part of phường Đại Nài.
    ha_huy_tap = AdministrativeUnit.objects.get(parent__key="p2025:42", name="Phường Hà Huy Tập")
    predecessors = {
        s.predecessor.name: s.is_default for s in ha_huy_tap.succession_in.select_related("predecessor")
    }
    assert predecessors == {"Xã Thạch Đài": True, "Xã Tân Lâm Hương": True, "Phường Đại Nài": False}
    dai_nai = AdministrativeUnit.objects.get(parent__key="d1976:436", name="Phường Đại Nài")
    assert current_unit_for(dai_nai).name == "Phường Thành Sen"
    thach_dai = AdministrativeUnit.objects.get(parent__key="d1976:436", name="Xã Thạch Đài")
    assert current_unit_for(thach_dai) == ha_huy_tap
    assert current_unit_for(ha_huy_tap) == ha_huy_tap
    # Districts were abolished, not merged: they map to today's province.
    assert current_unit_for(unit("d1976:436")) == unit("p2025:42")


def test_load_is_idempotent(ha_tinh):
    units, successions = AdministrativeUnit.objects.count(), UnitSuccession.objects.count()
    again = load_units(["42"])
    assert (again["units_created"], again["units_updated"], again["successions_created"]) == (0, 0, 0)
    assert (AdministrativeUnit.objects.count(), UnitSuccession.objects.count()) == (units, successions)
    # A changed row is put back.
    AdministrativeUnit.objects.filter(key="c2025:18073").update(name="x", search_text="")
    assert load_units(["42"])["units_updated"] == 1
    assert unit("c2025:18073").name == "Phường Thành Sen"


def test_search_finds_units_without_diacritics(ha_tinh):
    found = set(search_queryset(AdministrativeUnit.objects.all(), "ha huy tap").values_list("key", flat=True))
    assert "c1976:18085" in found  # Phường Hà Huy Tập before 2025
    assert any(key.startswith("c2025:") for key in found)
    assert not search_queryset(AdministrativeUnit.objects.all(), "khong co xa nay").exists()


@pytest.mark.django_db
def test_command_prints_counts():
    out = StringIO()
    call_command("load_units", "--province", "42", stdout=out)
    text = out.getvalue()
    assert "69 communes" in text
    assert "12 districts" in text
    assert "unresolved mappings: 0" in text
