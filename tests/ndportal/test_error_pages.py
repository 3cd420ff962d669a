"""Error pages are Vietnamese, in the site's layout, with the right status (debug off)."""

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client, override_settings

from news.views import ArticleListView

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.ndportal.error_urls")]

IN_LAYOUT = ['role="search"', 'aria-label="Điều hướng chính"', 'href="/tin-tuc/"']


def assert_in_layout(page):
    for marker in IN_LAYOUT:
        assert marker in page, marker


def test_debug_is_off_in_tests():
    """The pages below are the ones readers get: Django's debug pages are off."""
    assert not settings.DEBUG


@pytest.mark.parametrize("url", ["/khong-co-trang-nay/", "/van-ban/nghi-quyet/99999/x/"])
def test_unknown_url_and_unknown_document_get_the_vietnamese_404(client, url):
    """An unknown address and an unknown document: 404, Vietnamese, header and navigation."""
    response = client.get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page and "Not Found" not in page
    assert_in_layout(page)


def test_suspicious_request_gets_the_vietnamese_400(client):
    """A view refusing malformed input (SuspiciousOperation): 400 in the layout."""
    response = client.get("/_loi/400/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Yêu cầu không hợp lệ" in page and "Bad Request" not in page
    assert_in_layout(page)


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_unknown_host_gets_the_vietnamese_400(client):
    """A Host header the site does not serve (DisallowedHost): the same 400 page."""
    response = client.get("/", HTTP_HOST="ke-gia-mao.example")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_permission_denied_gets_the_vietnamese_403(client):
    """PermissionDenied: 403 in the layout."""
    response = client.get("/_loi/403/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Không có quyền truy cập" in page and "Forbidden" not in page
    assert_in_layout(page)


def test_csrf_failure_gets_the_vietnamese_403():
    """A form posted without its CSRF token: 403, says nothing was done and to go back."""
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in page and "chưa được thực hiện" in page
    assert "CSRF verification failed" not in page
    assert_in_layout(page)


def test_a_bug_gets_the_self_contained_vietnamese_500(client):
    """A view raising: 500, Vietnamese, with search and navigation, no database needed."""
    client.raise_request_exception = False
    response = client.get("/_loi/500/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Lỗi hệ thống" in page and "Server Error" not in page
    assert_in_layout(page)


def test_the_500_page_renders_without_the_database(django_assert_num_queries):
    """500.html needs no query and no context processor (it is rendered without a request)."""
    from django.template import loader

    with django_assert_num_queries(0):
        page = loader.get_template("500.html").render()
    assert "Lỗi hệ thống" in page


def test_a_reader_gets_the_vietnamese_503_when_the_database_is_down(client, monkeypatch):
    """A reader's GET losing the database: 503, Retry-After, a reader's message, no-store."""

    def database_gone(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(ArticleListView, "get_queryset", database_gone)
    response = client.get("/tin-tuc/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "tạm thời gián đoạn" in page
    assert "CHƯA được lưu" not in page
