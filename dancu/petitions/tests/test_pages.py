"""Issue 11 on the petitions pages, below the browser: the overview's figures (item 1), the
public statuses (2), merge into a chosen target and the old address (3), split from the ticked
opinions (4), wording (10), the agency's answer form without a default and with its reply
document (15, 29), the case page (27), the round form and the exports (25)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from dancu.core.access import get_access
from dancu.core.errors import ValidationFailed
from dancu.petitions import case, reports, selectors, services
from dancu.petitions.errors import PetitionError
from dancu.petitions.fields import FIELDS
from dancu.petitions.models import Answer, MergedPetition, Petition, VoterOpinion
from dancu.petitions.workflow import PETITION_FLOW

from .factories import forward

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(pworld):
    """Three proposals of the round made by hand: two alike, one other (grouping by hand keeps
    the test independent of the engine)."""
    w = pworld
    opinions = list(
        VoterOpinion.objects.filter(meeting__round=w["round"]).select_related("meeting").order_by("id")
    )
    road = [o for o in opinions if "8A" in o.text]
    land = [o for o in opinions if "8A" not in o.text]
    a = services.petition_create(
        actor=w["specialist"], round=w["round"], text=road[0].text, opinions=road[:1]
    )
    b = services.petition_create(
        actor=w["specialist"], round=w["round"], text=road[1].text, opinions=road[1:]
    )
    c = services.petition_create(
        actor=w["specialist"], round=w["round"], text=max((o.text for o in land), key=len), opinions=land
    )
    return {**w, "a": a, "b": b, "c": c, "land": land}


# -- item 1: the overview's figures are the list's -------------------------------------------------


def test_the_overview_counts_as_the_list_filters(client, made):
    w = made
    services.petition_classify(actor=w["specialist"], petition=w["a"], field="y_te", level="central")
    services.petition_classify(actor=w["specialist"], petition=w["b"], field="y_te", level="central")
    data = selectors.dashboard(w["specialist"])
    for key, column in (("field", "field"), ("level", "level"), ("status", "status")):
        chart = data["chart"][key]
        for n, f in zip(chart["data"], chart["filters"], strict=True):
            code = f.split("=")[1]
            assert selectors.petitions_visible(w["specialist"], **{column: code}).count() == n, (key, f)
    assert (
        dict(zip(data["chart"]["field"]["filters"], data["chart"]["field"]["data"], strict=True))[
            "field=y_te"
        ]
        == 2
    )
    client.force_login(w["specialist"])
    body = client.get(reverse("petitions:dashboard")).content.decode()
    assert 'data-count="field=y_te">2</a>' in body


# -- item 2: the public page states only what is true ---------------------------------------------


def test_the_public_page_states_where_each_petition_stands(client, made):
    w = made
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    batch = forward(w, w["agri"], [Petition.objects.get(pk=w["c"].pk)], "16/VP-TH")
    services.round_publish(actor=w["specialist"], round=w["round"], public=True)
    url = reverse("petitions_public:round_detail", kwargs={"round_id": w["round"].pk})
    page = client.get(url).content.decode()
    a = Petition.objects.get(pk=w["a"].pk)
    assert a.agency is not None  # a suggestion only
    card = page[page.index(f'data-petition="{a.code}"') :].split("</article>")[0]
    assert 'data-public-state="not_forwarded"' in card and a.agency.name not in card
    card = page[page.index(f'data-petition="{w["c"].code}"') :].split("</article>")[0]
    assert 'data-public-state="forwarded"' in card and batch.due_date.strftime("%d/%m/%Y") in card
    answer = services.answer_submit(
        actor=w["responder"],
        batch=batch,
        petition=Petition.objects.get(pk=w["c"].pk),
        text="Đã cấp giấy chứng nhận cho 40 hộ.",
        status="resolved",
        document_number="77/SNNMT-VP",
        document_date=datetime.date(2025, 10, 20),
    )
    assert answer.text not in client.get(url).content.decode()  # not accepted yet
    services.answer_review(actor=w["specialist"], answer=answer, accepted=True)
    page = client.get(url).content.decode()
    card = page[page.index(f'data-petition="{w["c"].code}"') :].split("</article>")[0]
    assert 'data-public-state="answered"' in card and answer.text in card
    assert "20/10/2025" in card and "77/SNNMT-VP" in card


# -- item 3: merge into the chosen petition, the old address leads there -------------------------


def test_merge_goes_into_the_target_whatever_was_ticked_first(client, made):
    w = made
    a, b = w["a"], w["b"]
    client.force_login(w["specialist"])
    url = reverse("petitions:consolidation_action", kwargs={"round_id": w["round"].pk})
    response = client.post(url, {"action": "merge", "petition": [a.pk, b.pk], "target": b.pk})
    assert response.status_code == 302
    kept = Petition.objects.get(pk=b.pk)
    assert (
        kept.text == b.text and kept.opinions.count() == 2 and not Petition.objects.filter(pk=a.pk).exists()
    )
    assert MergedPetition.objects.get(old_id=a.pk).into_id == b.pk
    old = client.get(reverse("petitions:petition_detail", kwargs={"petition_id": a.pk}))
    assert old.status_code == 302 and old["Location"] == reverse("petitions:petition_detail", args=[b.pk])
    # Merged again: the first address follows to the last petition.
    services.petition_merge(actor=w["specialist"], target=w["c"], sources=[kept])
    old = client.get(reverse("petitions:petition_detail", kwargs={"petition_id": a.pk}))
    assert old["Location"] == reverse("petitions:petition_detail", args=[w["c"].pk])
    # Another province's office still gets a 404, not a redirect.
    assert client.get(reverse("petitions:petition_detail", kwargs={"petition_id": 10**15})).status_code == 404


def test_the_old_address_is_no_way_around_the_scope(client, made, make_user, other_office):
    w = made
    services.petition_merge(actor=w["specialist"], target=w["b"], sources=[w["a"]])
    client.force_login(make_user("office_admin", other_office))
    assert (
        client.get(reverse("petitions:petition_detail", kwargs={"petition_id": w["a"].pk})).status_code == 404
    )


def test_the_public_finds_a_merged_petition_by_its_old_code(client, made):
    w = made
    services.petition_merge(actor=w["specialist"], target=w["b"], sources=[w["a"]])
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    services.round_publish(actor=w["specialist"], round=w["round"], public=True)
    body = client.get(reverse("petitions_public:lookup"), {"code": w["a"].code}).content.decode()
    assert f'data-petition="{w["b"].code}"' in body and w["a"].code in body


def test_merge_without_a_target_is_refused_on_the_screen_with_the_ticks_kept(client, made):
    w = made
    client.force_login(w["specialist"])
    url = reverse("petitions:consolidation_action", kwargs={"round_id": w["round"].pk})
    response = client.post(
        url, {"action": "merge", "petition": [w["a"].pk, w["b"].pk]}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 400 and 'data-field-error="target"' in body
    assert "<html" not in body  # only the screen's body, swapped in place
    assert f'value="{w["a"].pk}" id="p{w["a"].pk}" checked' in body
    assert Petition.objects.filter(pk=w["a"].pk).exists()


# -- item 4: split from the ticked opinions -------------------------------------------------------


def test_split_from_ticked_opinions_rewords_what_stays_only_when_its_wording_left(client, made):
    w = made
    c = w["c"]
    longest = max(w["land"], key=lambda o: len(o.text))
    other = next(o for o in w["land"] if o.pk != longest.pk)
    client.force_login(w["specialist"])
    url = reverse("petitions:consolidation_action", kwargs={"round_id": w["round"].pk})
    response = client.post(url, {"action": "split", "opinion": [longest.pk]}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="consolidation-message"' in response.content.decode()
    new = Petition.objects.get(opinions=longest)
    assert new.pk != c.pk and new.text == longest.text
    c.refresh_from_db()
    assert c.text == other.text  # it carried the wording of the opinion that left
    # Split again where the wording stays: the wording is kept.
    services.petition_attach(
        actor=w["specialist"], petition=c, opinions=[VoterOpinion.objects.get(pk=longest.pk)]
    )
    services.petition_edit(
        actor=w["specialist"], petition=c, text="Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất."
    )
    services.consolidation_act(
        actor=w["specialist"], round=w["round"], action="split", opinion_ids=[longest.pk]
    )
    c.refresh_from_db()
    assert c.text == "Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất."


def test_split_refuses_opinions_of_two_petitions_and_nothing_ticked(made):
    w = made
    two = [w["land"][0].pk, VoterOpinion.objects.filter(petition=w["a"]).get().pk]
    with pytest.raises(ValidationFailed) as refused:
        services.consolidation_act(actor=w["specialist"], round=w["round"], action="split", opinion_ids=two)
    assert refused.value.code == PetitionError.CHOOSE_OPINIONS and refused.value.details == {
        "field": "opinion"
    }
    with pytest.raises(ValidationFailed) as refused:
        services.consolidation_act(actor=w["specialist"], round=w["round"], action="split")
    assert refused.value.code == PetitionError.CHOOSE_OPINIONS
    with pytest.raises(ValidationFailed):  # the one opinion of a petition cannot leave it
        services.consolidation_act(
            actor=w["specialist"], round=w["round"], action="split", opinion_ids=two[1:]
        )
    assert Petition.objects.filter(round=w["round"]).count() == 3


def test_edit_in_place_refused_keeps_the_typed_text_on_its_card(client, made):
    w = made
    client.force_login(w["specialist"])
    url = reverse("petitions:consolidation_action", kwargs={"round_id": w["round"].pk})
    response = client.post(
        url, {"action": "edit", "petition": w["a"].pk, "text": "  "}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 400
    card = body[body.index(f'id="card-{w["a"].pk}"') :].split("</article>")[0]
    assert "<details" in card and " open>" in card and f'id="w{w["a"].pk}-error"' in card


# -- item 10: wording ------------------------------------------------------------------------------


def test_petition_steps_say_petitions_not_letters():
    from django.utils import translation

    with translation.override("vi"):
        assert "kiến nghị" in str(PETITION_FLOW.action("forward").label)
    with translation.override("en"):
        assert str(PETITION_FLOW.action("forward").label) == "Forward petitions"
        assert str(PETITION_FLOW.action("accept").label) == "Accept the answer"
        assert str(PETITION_FLOW.action("reopen").label) == "Ask for a new answer"


def test_a_field_has_one_label_everywhere():
    """The page's label of a field, once the catalog translates it, is the report's word for
    word (an untranslated label is still English and not checked)."""
    for code, (label, vietnamese, _committee) in FIELDS.items():
        with translation.override("en"):
            english = str(label)
        with translation.override("vi"):
            shown = str(label)
        if shown != english:
            assert shown == vietnamese, code


def test_confidences_are_shown_as_percentages(client, made):
    client.force_login(made["specialist"])
    body = client.get(
        reverse("petitions:consolidation", kwargs={"round_id": made["round"].pk})
    ).content.decode()
    assert "100%" in body and "1.00" not in body and "1,00" not in body


# -- items 15 and 29: the agency's answer ---------------------------------------------------------


def test_the_answer_form_has_no_default_result_and_records_the_reply_document(client, made):
    w = made
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    batch = forward(
        w, w["agri"], [Petition.objects.get(pk=w["c"].pk)], "16/VP-TH", when=datetime.date(2025, 10, 1)
    )
    client.force_login(w["responder"])
    url = reverse("petitions:agency_batch", kwargs={"batch_id": batch.pk})
    page = client.get(url).content.decode()
    assert '<option value="" selected>' in page and 'value="resolved" selected' not in page
    response = client.post(url, {"petition": w["c"].pk, "text": "Đã xử lý."})
    assert response.status_code == 400 and "status" in response.context["form"].errors
    assert not Answer.objects.exists()
    response = client.post(
        url,
        {
            "petition": w["c"].pk,
            "text": "Đã xử lý.",
            "status": "resolved",
            "document_number": "9/SNN",
            "document_date": "2025-09-01",
        },
    )
    assert (
        response.status_code == 400 and "document_date" in response.context["form"].errors
    )  # before the dispatch
    response = client.post(
        url,
        {
            "petition": w["c"].pk,
            "text": "Đã xử lý.",
            "status": "resolved",
            "document_number": "9/SNN",
            "document_date": "2025-10-15",
        },
    )
    assert response.status_code == 302
    answer = Answer.objects.get()
    assert (answer.document_number, answer.document_date) == ("9/SNN", datetime.date(2025, 10, 15))
    assert "9/SNN" in client.get(url).content.decode()
    client.force_login(w["specialist"])
    round_page = client.get(
        reverse("petitions:round_detail", kwargs={"round_id": w["round"].pk})
    ).content.decode()
    assert 'id="new-answers"' in round_page and w["c"].code in round_page  # the Office is told
    export = reports.petitions_xlsx(selectors.petitions_export(w["specialist"]))
    assert "9/SNN 15/10/2025" in [
        c.value for row in load_workbook(io.BytesIO(export)).active.iter_rows() for c in row
    ]


# -- item 27: the case page -----------------------------------------------------------------------


def test_the_case_page_says_the_next_step_the_history_and_the_actions(client, made):
    w = made
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    c = Petition.objects.get(pk=w["c"].pk)
    primary, others = case.actions(get_access(w["specialist"]), c, [])
    assert primary is not None and primary.key == "forward"
    assert {a.key for a in others} >= {"unconfirm", "classify"}
    batch = forward(w, w["agri"], [c], "16/VP-TH", when=datetime.date(2025, 10, 1))
    c.refresh_from_db()
    step = case.next_step(c, [batch], datetime.date(2025, 10, 11))
    assert (
        step.due == batch.due_date and step.days_left == (batch.due_date - datetime.date(2025, 10, 11)).days
    )
    assert case.next_step(c, [batch], batch.due_date + datetime.timedelta(days=3)).overdue_days == 3
    events = case.timeline(c, [batch], [])
    assert [e.words for e in events][:3] == [
        str(case.WORDS["petitions.petition_create"]),
        str(case.WORDS["petitions.petition.confirm"]),
        str(case.WORDS["petitions.batch_create"]),
    ]
    assert "16/VP-TH" in events[2].detail
    client.force_login(w["specialist"])
    body = client.get(reverse("petitions:petition_detail", kwargs={"petition_id": c.pk})).content.decode()
    assert 'id="next-step"' in body and 'data-days-left="' in body and 'id="case-timeline"' in body
    assert reverse("petitions:batch_letter", args=[batch.pk]) in body
    assert "petitions.petition" not in body


def test_a_viewer_gets_no_action_on_the_case_page(client, made, make_user):
    viewer = make_user("viewer", made["office"])
    client.force_login(viewer)
    body = client.get(
        reverse("petitions:petition_detail", kwargs={"petition_id": made["a"].pk})
    ).content.decode()
    assert 'id="case-actions"' not in body and 'id="next-step"' in body


def test_confirm_from_the_case_page_comes_back_to_it(client, made):
    w = made
    client.force_login(w["specialist"])
    url = reverse("petitions:consolidation_action", kwargs={"round_id": w["round"].pk})
    response = client.post(url, {"action": "confirm", "petition": w["a"].pk, "back": "petition"})
    assert response["Location"] == reverse("petitions:petition_detail", args=[w["a"].pk])
    assert Petition.objects.get(pk=w["a"].pk).status == "confirmed"


# -- item 25: the round form and the exports ------------------------------------------------------


def test_the_round_form_is_styled_with_errors_by_the_field(client, pworld):
    client.force_login(pworld["specialist"])
    page = client.get(reverse("petitions:round_create")).content.decode()
    assert 'class="form-control"' in page and 'id="id_name"' in page
    response = client.post(
        reverse("petitions:round_create"),
        {"name": "Đợt mới", "code": "dot-moi", "start_date": "2026-03-10", "end_date": "2026-03-01"},
    )
    body = response.content.decode()
    assert response.status_code == 400 and "end_date" in response.context["form"].errors
    assert (
        "is-invalid" in body
        and 'aria-describedby="id_end_date-error"' in body
        and 'id="id_end_date-error"' in body
    )


def test_exports_have_vietnamese_sheet_titles_and_widths(made):
    w = made
    groups = selectors.synthesis(w["specialist"], w["round"])
    for data, title in (
        (reports.synthesis_xlsx(w["round"], groups), "Tổng hợp kiến nghị"),
        (reports.results_xlsx(selectors.results_by_agency(w["specialist"], w["round"])), "Kết quả trả lời"),
    ):
        sheet = load_workbook(io.BytesIO(data)).active
        assert sheet.title == title
        widths = [sheet.column_dimensions[c].width for c in "ABCD"]
        assert all(x >= 10 for x in widths)
    sheet = load_workbook(io.BytesIO(reports.synthesis_xlsx(w["round"], groups))).active
    assert sheet.column_dimensions["D"].width >= 60  # the wording
    assert {row[0].value for row in sheet.iter_rows(min_row=2)} <= {"Trung ương", "Tỉnh", "Xã"}
