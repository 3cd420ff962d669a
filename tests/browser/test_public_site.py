"""The public site in a real browser."""

import pytest

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_opens_an_article_from_the_home_page(live_server, page):
    """A reader clicks a published article on the home page and reads it."""
    article = make_article(title="Nam Định đẩy mạnh chuyển đổi số", is_featured=True)

    page.goto(live_server.url + "/")
    page.get_by_role("link", name=article.title).first.click()

    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.locator("h1").inner_text() == article.title
