"""Sessions: staff sessions time out when idle and with the browser; readers have none."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(User.objects.create_user("bientap", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "path",
    ["/", "/tim-kiem/?q=ngh%E1%BB%8B+quy%E1%BA%BFt", "/van-ban/", "/hoi-nghi/", "/tin-tuc/"],
)
def test_readers_get_no_session_cookie(client, path):
    """An anonymous visit to a public page neither sets nor stores a session."""
    make_article()
    response = client.get(path)
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


def test_staff_session_cookie_ends_with_the_browser(staff_client):
    """The session cookie carries no expiry date, so closing the browser ends it."""
    response = staff_client.get(reverse("admin:index"))
    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""


def test_staff_session_expires_after_two_idle_hours(staff_client):
    """Two hours and a minute without a request: the admin asks to sign in again."""
    assert staff_client.get(reverse("admin:index")).status_code == 200
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=2, minutes=1)
    with time_machine.travel(later):
        response = staff_client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_activity_keeps_a_staff_session_alive(staff_client):
    """Requests every 90 minutes slide the expiry: 3 hours on, the editor is still in."""
    start = datetime.datetime.now(datetime.UTC)
    for minutes in (90, 180):
        with time_machine.travel(start + datetime.timedelta(minutes=minutes)):
            assert staff_client.get(reverse("admin:index")).status_code == 200


def test_idle_time_comes_from_the_environment(monkeypatch):
    """DJANGO_SESSION_IDLE_SECONDS sets SESSION_COOKIE_AGE (checked in a fresh settings load)."""
    import importlib

    import ndportal.settings

    monkeypatch.setenv("DJANGO_SESSION_IDLE_SECONDS", "900")
    try:
        assert importlib.reload(ndportal.settings).SESSION_COOKIE_AGE == 900
    finally:
        monkeypatch.delenv("DJANGO_SESSION_IDLE_SECONDS")
        importlib.reload(ndportal.settings)
