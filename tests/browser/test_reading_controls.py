"""Text size and contrast controls in a real browser: keyboard, persistence, no JS needed."""

import pytest

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_text_size_and_contrast_persist_across_pages(live_server, page):
    """A+ twice and high contrast, by keyboard; the next page opens with both kept."""
    article = make_article(title="Bài để đọc chữ to")
    page.goto(live_server.url + "/")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "16px"
    larger = page.get_by_role("button", name="A+ (chữ lớn hơn)")
    larger.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    contrast = page.get_by_role("button", name="Tương phản cao")
    contrast.focus()
    page.keyboard.press("Space")
    assert contrast.get_attribute("aria-pressed") == "true"
    page.goto(live_server.url + article.get_absolute_url())
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
    assert page.evaluate("document.documentElement.classList.contains('high-contrast')")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    page.get_by_role("button", name="A (cỡ chữ mặc định)").click()
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "16px"


def test_page_works_without_javascript(live_server, browser):
    """With JavaScript off the controls stay hidden and the page reads normally."""
    article = make_article(title="Bài không cần JavaScript")
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + article.get_absolute_url())
    assert page.get_by_role("heading", name="Bài không cần JavaScript").is_visible()
    assert not page.locator("[data-reading-controls]").is_visible()
    context.close()


def test_breadcrumb_links_are_large_enough_to_tap(live_server, browser):
    """On a phone every breadcrumb link is at least 24 × 24 px (WCAG 2.5.8)."""
    article = make_article(title="Bài có đường dẫn vị trí")
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + article.get_absolute_url())
    boxes = page.eval_on_selector_all(
        ".breadcrumbs a",
        "links => links.map(a => [a.getBoundingClientRect().width,"
        " a.getBoundingClientRect().height])",
    )
    assert len(boxes) == 3
    assert all(width >= 24 and height >= 24 for width, height in boxes), boxes
    context.close()
