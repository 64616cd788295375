import pytest

from dancu.coordination.tests.factories import make_bodies


@pytest.fixture
def bodies(province):
    return make_bodies(province)


@pytest.fixture
def admin(make_user, office):
    return make_user("office_admin", office)
