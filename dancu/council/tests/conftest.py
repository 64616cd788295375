import pytest

from dancu.council.ruleset import seed_rules
from dancu.council.tests.factories import make_council, make_draft, make_session


@pytest.fixture
def council_rules(db):
    """The shipped rule rows: migration 0002 seeds them, a transactional test's flush removes
    them, so tests that flush (transaction=True) ask for this fixture."""
    seed_rules()


@pytest.fixture
def world(province, office, make_user):
    data = make_council(province)
    data["admin"] = make_user("office_admin", office)
    return data


@pytest.fixture
def session_in_progress(world):
    return make_session(world["admin"], world)


@pytest.fixture
def draft(world, session_in_progress):
    return make_draft(
        world["admin"],
        world,
        session_in_progress,
        title="Dự thảo nghị quyết về phát triển rừng",
        reviewing_committee=world["committee"],
    )
