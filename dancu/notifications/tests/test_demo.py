import pytest

from dancu.notifications import demo
from dancu.notifications.models import Delivery, Notification

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_sends_no_email(make_user):
    assert demo.load() == {}  # no demo users yet: nothing
    for username in ("vanphong", "chuyenvien", "daibieu"):
        make_user(username=username)
    assert demo.load() == {"notifications": 4}
    assert demo.load() == {"notifications": 4}
    assert Notification.objects.filter(recipient__username="vanphong").count() == 2
    assert set(Delivery.objects.filter(channel="email").values_list("status", flat=True)) == {"skipped"}
