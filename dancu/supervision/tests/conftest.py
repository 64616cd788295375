import pytest

from dancu.supervision.ruleset import seed_rules
from dancu.supervision.tests.factories import make_bodies


@pytest.fixture
def supervision_rules(db):
    """The shipped rule rows (migration 0002 seeds them; a transactional test's flush removes them)."""
    seed_rules()


@pytest.fixture
def w(province, office, make_user):
    data = make_bodies(province)
    data["admin"] = make_user("office_admin", office)
    data["leader"] = make_user("leader", office)
    data["viewer"] = make_user("viewer", office)
    data["agency_user"] = make_user("agency_responder", data["land"])
    data["health_user"] = make_user("agency_responder", data["health"])
    data["province"] = province
    return data
