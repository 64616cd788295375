"""Shared fixtures. Each app's tests/factories.py builds data; these fixtures name the actors
of the permission matrix: anonymous, a user with no role, a user of another province, and the
right role in the right province."""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def province(db):
    from dancu.directory.tests.factories import ProvinceFactory

    return ProvinceFactory(name="Tỉnh Hà Tĩnh", code="42", key="test-p:42")


@pytest.fixture
def other_province(db):
    from dancu.directory.tests.factories import ProvinceFactory

    return ProvinceFactory(name="Tỉnh Nghệ An", code="40", key="test-p:40")


@pytest.fixture
def office(province):
    from dancu.directory.models import BodyKind
    from dancu.directory.tests.factories import BodyFactory

    return BodyFactory(kind=BodyKind.OFFICE, name="Văn phòng Đoàn ĐBQH và HĐND tỉnh Hà Tĩnh", province=province)


@pytest.fixture
def other_office(other_province):
    from dancu.directory.models import BodyKind
    from dancu.directory.tests.factories import BodyFactory

    return BodyFactory(kind=BodyKind.OFFICE, name="Văn phòng Đoàn ĐBQH và HĐND tỉnh Nghệ An", province=other_province)


@pytest.fixture
def make_user(db):
    from dancu.accounts.tests.factories import UserFactory, user_with_role

    def make(role=None, body=None, **kwargs):
        if role is None:
            return UserFactory(**kwargs)
        return user_with_role(role, body)

    return make


@pytest.fixture
def office_admin(make_user, office):
    return make_user("office_admin", office)


@pytest.fixture
def national_admin(make_user):
    return make_user(is_national_admin=True)


@pytest.fixture
def libreoffice():
    """Tests that open documents in LibreOffice. Skipped on a developer machine without it; in CI
    (`CI` set, as `.ci/run` does) a missing LibreOffice is a failure, not a silent skip."""
    from dancu.core.documents import soffice_path

    if soffice_path() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI: apt-get install libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")


def pytest_collection_modifyitems(config, items):
    """`postgres_only` tests run in the PostgreSQL pass of `make test` only."""
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    skip = pytest.mark.skip(reason="meaningful only on PostgreSQL; runs in the PostgreSQL pass")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def redis_down():
    """The cache at a dead Redis port (dancu.core.testing.cache_down)."""
    from dancu.core.testing import cache_down

    with cache_down() as url:
        yield url
