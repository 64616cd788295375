"""Documents of the paperless hall: the result sheet of an electronic vote (biên bản kết quả
biểu quyết, Decree 30 layout through core.documents), and the PDF a delegate's viewer shows
for a DOCX version (converted by LibreOffice in the worker, once per file version)."""

from __future__ import annotations

import logging
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from dancu.core import files
from dancu.core.documents import DocumentSpec, Section, Signer, Table, build_document, vn_long_date

from . import rules
from .documents import (
    _council_header,
    _place,
    _short,
    council_chair,
    council_words,
    session_words,
    term_words,
)
from .models import ConvertedFile, ElectronicVote, SubmissionFile
from .ruleset import threshold

log = logging.getLogger(__name__)

CHOICE_WORDS = {"yes": "Tán thành", "no": "Không tán thành", "abstain": "Không biểu quyết"}


def _pct(count: int, total: int) -> str:
    return f"{rules.percent(count, total)}%".replace(".", ",")


def result_sheet_docx(vote: ElectronicVote) -> bytes:
    """The result sheet of a closed electronic vote, the shares of the TOTAL of delegates."""
    session = vote.session
    total = vote.total_delegates
    rule = threshold(vote.rule)
    needed = rules.votes_needed(total, rule)
    closed = timezone.localtime(vote.closed_at) if vote.closed_at else timezone.localtime(vote.opened_at)
    absent = max(0, total - vote.yes - vote.no - vote.abstain - vote.not_voting)
    rows = [
        ["Nội dung", "Số đại biểu", "Tỷ lệ so với tổng số đại biểu"],
        ["Tán thành", str(vote.yes), _pct(vote.yes, total)],
        ["Không tán thành", str(vote.no), _pct(vote.no, total)],
        ["Không biểu quyết", str(vote.abstain), _pct(vote.abstain, total)],
        ["Có mặt nhưng không bấm biểu quyết", str(vote.not_voting), _pct(vote.not_voting, total)],
        ["Vắng mặt", str(absent), _pct(absent, total)],
    ]
    outcome = "ĐƯỢC THÔNG QUA" if vote.passed else "KHÔNG ĐƯỢC THÔNG QUA"
    body: list = [
        f"Hôm nay, {vn_long_date(timezone.localdate(closed))}, lúc {closed:%H giờ %M}, tại {session_words(session)} "
        f"{council_words(session)} {term_words(session)}, Hội đồng nhân dân biểu quyết bằng hệ thống biểu quyết "
        f"điện tử{' (bỏ phiếu kín)' if vote.secret else ''} về nội dung: {vote.question}.",
        f"Tổng số đại biểu Hội đồng nhân dân: {total};",
        f"Số đại biểu có mặt khi bắt đầu biểu quyết: {vote.present};",
        Table(rows, widths=[75, 35, 55]),
        Section(
            "Kết quả:",
            [
                f"Số đại biểu tán thành cần đạt: {needed} ({vote.rule.source or 'quy định hiện hành'});",
                f"Nội dung biểu quyết {outcome} với {vote.yes}/{total} đại biểu tán thành "
                f"({_pct(vote.yes, total)} tổng số đại biểu).",
            ],
        ),
    ]
    if not vote.secret:
        named: list[Any] = [
            f"{b.delegate.full_name}: {CHOICE_WORDS.get(b.choice, b.choice)}"
            for b in vote.ballots.select_related("delegate").order_by("delegate__full_name")
            if b.delegate is not None
        ]
        if named:
            body.append(Section("Danh sách biểu quyết của đại biểu:", named))
    level = _short(session)
    position, name = council_chair(session, timezone.localdate(closed))
    parent, issuer = _council_header(session)
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol="BB-HĐND",
        place=_place(session),
        date=timezone.localdate(closed),
        doc_type="BIÊN BẢN",
        summary="Kết quả biểu quyết",
        body=body,
        signer=Signer(position=position, name=name, authority="TM. HỘI ĐỒNG NHÂN DÂN"),
        recipients=[f"Thường trực HĐND {level}", "Thư ký kỳ họp", f"Các đại biểu HĐND {level}"],
    )
    return build_document(spec)


# -- DOCX to PDF for the viewer ------------------------------------------------------------------


def conversion_state(item: SubmissionFile) -> str:
    """ "" (nothing to convert: a PDF), "ready", "pending" or "failed"."""
    if item.kind != files.DOCX:
        return ""
    row = ConvertedFile.objects.filter(source=item).first()
    if row is None or (row.done_at is None):
        return "pending"
    return "ready" if row.pdf else "failed"


def converted_pdf(item: SubmissionFile) -> Any:
    """The converted PDF opened for reading, or None while it is not ready (the conversion is
    then asked of the worker, once)."""
    row = ConvertedFile.objects.filter(source=item).first()
    if row is not None and row.pdf:
        try:
            return row.pdf.open("rb")
        except (FileNotFoundError, ValueError):
            pass
    if row is None or row.done_at is not None:
        request_conversion(item)
    return None


def request_conversion(item: SubmissionFile) -> None:
    from .tasks import convert_docx

    row, created = ConvertedFile.objects.get_or_create(source=item)
    if created or (row.done_at is not None and not row.pdf):
        transaction.on_commit(lambda: convert_docx.delay(item.pk))


def convert_now(file_id: int) -> bool:
    """Convert one DOCX version (the worker's task); idempotent: done once per version."""
    from dancu.core.documents import docx_to_pdf

    item = SubmissionFile.objects.filter(pk=file_id).first()
    if item is None or item.kind != files.DOCX:
        return False
    row, _created = ConvertedFile.objects.get_or_create(source=item)
    if row.pdf:
        return True
    with item.file.open("rb") as handle:
        pdf = docx_to_pdf(handle.read())
    done = timezone.now()
    # The conversion takes seconds: the version (and its row) may have been deleted meanwhile.
    # Write with a filtered UPDATE, which then changes nothing, instead of failing the task.
    rows = ConvertedFile.objects.filter(pk=row.pk)
    if pdf is None:
        rows.update(done_at=done, error="LibreOffice could not convert the document")
        log.warning("council: DOCX %s not converted", file_id)
        return False
    row.pdf.save(f"submission-{item.submission_id}-v{item.version}.pdf", ContentFile(pdf), save=False)
    if not rows.update(pdf=row.pdf.name, done_at=done, error=""):
        row.pdf.delete(save=False)  # nobody will read it
        return False
    return True
