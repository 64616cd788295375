import pytest

from dancu.scheduling.ruleset import seed_rules
from dancu.scheduling.tests.factories import make_bodies


@pytest.fixture
def milestone_rules(db):
    """The shipped milestone rows (migration 0002; a transactional test's flush removes them)."""
    seed_rules()


@pytest.fixture
def world(province, office, make_user):
    data = make_bodies(province)
    data["admin"] = make_user("office_admin", office)
    data["province"] = province
    return data


@pytest.fixture
def hall(world):
    from dancu.scheduling import services

    return services.hall_create(actor=world["admin"], province=world["province"], name="Hội trường A")


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    """The tests' ICS servers run on loopback, which a subscription may not reach otherwise
    (dancu.scheduling.fetch); the SSRF tests take it away again."""
    settings.DANCU_ICS_ALLOWED_HOSTS = ["127.0.0.1"]
    return settings
