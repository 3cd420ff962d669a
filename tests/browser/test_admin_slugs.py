"""The slug the admin prefills from a Vietnamese title, in a real browser."""

import pytest
from django.contrib.auth.models import User

from ndportal.text import slugify_vi
from tests.browser.test_editorial_flow import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typed_vietnamese_title_prefills_an_ascii_slug(live_server, page):
    """Typing 'Tỉnh ủy Nam Định…' into an article title prefills 'tinh-uy-nam-dinh…'."""
    User.objects.create_superuser("quantri", password=PASSWORD)
    log_in(page, live_server.url, "quantri")

    page.goto(live_server.url + "/admin/news/article/add/")
    page.locator("#id_title").press_sequentially("Tỉnh ủy Nam Định học tập Nghị quyết")

    assert page.input_value("#id_slug") == "tinh-uy-nam-dinh-hoc-tap-nghi-quyet"


def test_document_number_in_a_title_becomes_separate_words(live_server, page):
    """'Kế hoạch 45-KH/TU' prefills 'ke-hoach-45-kh-tu', as the server's slug would be."""
    User.objects.create_superuser("quantri", password=PASSWORD)
    log_in(page, live_server.url, "quantri")

    page.goto(live_server.url + "/admin/news/article/add/")
    page.locator("#id_title").press_sequentially("Kế hoạch 45-KH/TU")

    assert page.input_value("#id_slug") == slugify_vi("Kế hoạch 45-KH/TU")
    assert page.input_value("#id_slug") == "ke-hoach-45-kh-tu"
