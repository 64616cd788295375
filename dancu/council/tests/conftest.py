import datetime

import pytest

from dancu.council import services
from dancu.council.tests.factories import make_council


@pytest.fixture
def world(province, office, make_user):
    data = make_council(province)
    data["admin"] = make_user("office_admin", office)
    return data


@pytest.fixture
def session_in_progress(world):
    actor = world["admin"]
    session = services.session_create(
        actor=actor,
        body=world["council"],
        term=world["term"],
        kind="thematic",
        title="Kỳ họp chuyên đề",
        start_date=datetime.date(2026, 12, 10),
        end_date=datetime.date(2026, 12, 10),
    )
    services.session_transition(actor=actor, session=session, to="convened")
    return services.session_transition(actor=actor, session=session, to="in_progress")


@pytest.fixture
def draft(world, session_in_progress):
    return services.submission_create(
        actor=world["admin"],
        session=session_in_progress,
        kind="draft_resolution",
        title="Dự thảo nghị quyết về phát triển rừng",
        submitter=world["ubnd"],
        reviewing_committee=world["committee"],
    )
