"""Issue 12: the consolidation screen shows why the engine grouped each opinion (shared sites
and words, conflicting sites), and a specialist's regrouping clears the engine's reasons."""

import pytest
from django.urls import reverse

from dancu.petitions import services
from dancu.petitions.models import VoterOpinion

pytestmark = pytest.mark.django_db


def test_reasons_are_kept_and_shown_on_the_card(client, pworld):
    petitions = services.consolidate_round(actor=pworld["specialist"], round=pworld["round"])
    grouped = [p for p in petitions if p.opinions.count() > 1]
    assert grouped, "the world has two opinions about QL8A"
    opinions = list(grouped[0].opinions.all())
    mates = {str(o.pk) for o in opinions}
    for o in opinions:
        assert o.group_reasons["with"] in mates - {str(o.pk)}
    assert any(o.group_reasons.get("shared") or o.group_reasons.get("words") for o in opinions)
    client.force_login(pworld["specialist"])
    html = client.get(reverse("petitions:consolidation", args=[pworld["round"].pk])).content.decode()
    for o in opinions:
        assert f'data-reasons="{o.pk}"' in html


def test_a_specialists_split_clears_the_engines_reasons(pworld):
    petitions = services.consolidate_round(actor=pworld["specialist"], round=pworld["round"])
    petition = next(p for p in petitions if p.opinions.count() > 1)
    moved = petition.opinions.order_by("id").last()
    services.petition_split(actor=pworld["specialist"], petition=petition, opinion_ids=[moved.pk])
    assert VoterOpinion.objects.get(pk=moved.pk).group_reasons == {}
