"""Sign-in: lockout per user name and address (django-axes), rate limit per address."""

import logging

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from ndportal import ratelimit

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dung-1"
ATTACKER = "203.0.113.7"
EDITOR_DESK = "198.51.100.20"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor():
    return User.objects.create_user("bientap", password=PASSWORD, is_staff=True)


def sign_in(client, password, address=ATTACKER, username="bientap"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_then_the_right_one_is_refused_in_vietnamese(client, editor):
    """After 5 wrong passwords from one address, the right password is refused there."""
    for attempt in range(5):
        response = sign_in(client, f"sai-{attempt}")
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_before_the_limit_still_lets_the_right_one_in(client, editor):
    """Four mistakes are not a lockout: the fifth try with the right password signs in."""
    for attempt in range(4):
        assert sign_in(client, f"sai-{attempt}").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_same_user_can_still_sign_in_from_another_address(client, editor):
    """The lockout is keyed on name and address together: the editor's desk is unaffected."""
    for attempt in range(6):
        sign_in(client, f"sai-{attempt}")
    response = sign_in(client, PASSWORD, address=EDITOR_DESK)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_spaces_around_the_name_count_against_the_same_lockout(client, editor):
    """'bientap ' signs in as 'bientap', so it cannot buy an attacker more guesses."""
    for attempt in range(5):
        sign_in(client, f"sai-{attempt}", username="bientap" + " " * attempt)
    assert sign_in(client, PASSWORD, username=" bientap").status_code == 429


def test_axes_reset_command_unlocks(client, editor):
    """`manage.py axes_reset` clears the lockout, so the right password works again."""
    for attempt in range(5):
        sign_in(client, f"sai-{attempt}")
    assert sign_in(client, PASSWORD).status_code == 429
    call_command("axes_reset")
    assert sign_in(client, PASSWORD).status_code == 302


def test_every_failure_is_recorded_and_logged(client, editor, caplog):
    """Each failed sign-in leaves a log line and a row the admin can list."""
    with caplog.at_level(logging.INFO, logger="axes"):
        for attempt in range(3):
            sign_in(client, f"sai-{attempt}")
    assert AccessFailureLog.objects.filter(username="bientap").count() == 3
    assert AccessAttempt.objects.get(username="bientap").failures_since_start == 3
    assert any("login failure" in record.getMessage() for record in caplog.records)


def test_locked_out_attempts_are_listed_in_the_admin(client, editor):
    """An administrator sees the lockout in the admin (axes' own pages, in Vietnamese)."""
    for attempt in range(5):
        sign_in(client, f"sai-{attempt}")
    admin = User.objects.create_superuser("quantri", password="x")
    client.force_login(admin)
    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "bientap" in page
    assert "lượt thử đăng nhập" in page and "Số lần sai" in page


@pytest.mark.parametrize(
    "username",
    ["", "a" * 5000, "bientap\x00", "' OR 1=1 --", "<script>alert(1)</script>", "BIENTAP"],
)
def test_hostile_user_names_are_a_failed_sign_in_not_an_error(client, editor, username):
    """Odd user names fail like a wrong password: never a 500, never signed in."""
    response = sign_in(client, PASSWORD, username=username)
    assert response.status_code in (200, 400)
    assert "_auth_user_id" not in client.session


def test_sign_in_posts_are_rate_limited_per_address(client, editor, settings, monkeypatch):
    """Past the per-address limit the login view answers 429 before hashing any password."""
    settings.RATE_LIMITS = {"admin:login": ("POST", "3/60")}
    # Windows are clock minutes: keep the burst inside one of them.
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_010.0)
    for attempt in range(3):
        sign_in(client, f"sai-{attempt}", username=f"khach{attempt}")
    response = sign_in(client, PASSWORD, username="khach9")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Quá nhiều yêu cầu" in response.content.decode()
    # Another address is not affected, and the login page itself still opens.
    assert sign_in(client, PASSWORD, address=EDITOR_DESK).status_code == 302
    assert client.get(reverse("admin:login"), REMOTE_ADDR=ATTACKER).status_code in (200, 302)


@pytest.mark.parametrize(
    "forwarded",
    ["unknown", "", "1.2.3.4, <script>", "999.1.1.1", "::1\x00", "a" * 500, "10.0.0.1, 10.0.0.2"],
)
def test_hostile_forwarded_addresses_never_reach_the_database(client, editor, settings, forwarded):
    """A bad proxy header falls back to REMOTE_ADDR: a failed sign-in, never a 500."""
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    response = client.post(
        reverse("admin:login"),
        {"username": "bientap", "password": "sai"},
        REMOTE_ADDR=ATTACKER,
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    assert response.status_code == 200
    expected = "10.0.0.2" if forwarded.endswith("10.0.0.2") else ATTACKER
    assert AccessAttempt.objects.get().ip_address == expected


def test_force_login_without_an_address_records_no_bogus_address(client, editor):
    """The test client's force_login has no REMOTE_ADDR: axes stores none (PostgreSQL inet)."""
    client.force_login(editor)
    assert client.get(reverse("admin:index")).status_code == 200
