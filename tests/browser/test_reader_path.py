"""A reader's path at phone and desktop width: home, news, an article, its document, search."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_article, make_document
from tests.image_files import image_bytes, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH_CSP = (
    "document.addEventListener('securitypolicyviolation',"
    " e => (window.__csp = window.__csp || []).push(e.violatedDirective));"
)


class Watch:
    """Console errors, failed requests and CSP violations seen on every page of the path."""

    def __init__(self, page):
        self.page, self.errors = page, []
        page.add_init_script(WATCH_CSP)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on(
            "response",
            lambda r: r.status >= 400 and self.errors.append(f"{r.status} {r.url}"),
        )

    def check(self, width):
        assert self.page.evaluate("window.__csp || []") == []
        assert self.errors == []
        if width <= 390:
            overflow = self.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{overflow}px of horizontal scroll on {self.page.url}"


@pytest.fixture
def content(settings):
    # Images are served by Django as `make serve` does (ndportal/media.py).
    settings.NDPORTAL_SERVE_MEDIA = True
    document = make_document(
        number="07-NQ/TU", title="về phát triển kinh tế biển bền vững đến năm 2030"
    )
    article = make_article(
        title="Tỉnh ủy quán triệt nghị quyết về kinh tế biển",
        lead="Hội nghị trực tuyến tới 25 điểm cầu.",
        cover_image=upload("bien.png", image_bytes("PNG", size=(1000, 560))),
        cover_alt="Quang cảnh hội nghị quán triệt",
        is_featured=True,
    )
    article.documents.set([document])
    return article, document


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 900)])
def test_reader_goes_from_home_to_article_document_and_search(
    live_server, browser, content, width, height
):
    """Each step shows its content, loads every image, logs no error and fits the screen."""
    article, document = content
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": width, "height": height}
    )
    page = context.new_page()
    watch = Watch(page)

    page.goto(live_server.url + "/")
    expect(page.get_by_role("link", name=article.title).first).to_be_visible()
    watch.check(width)

    page.get_by_role("navigation", name=re.compile("chính", re.I)).get_by_role(
        "link", name="Tin tức"
    ).click()
    expect(page.locator("h1")).to_have_text("Tin tức")
    watch.check(width)

    page.get_by_role("link", name=article.title).first.click()
    expect(page.locator("h1")).to_have_text(article.title)
    cover = page.locator("main picture img").first
    expect(cover).to_be_visible()
    # The browser picked a rendition from the srcset, and it loaded.
    assert "_w" in cover.evaluate("img => img.currentSrc")
    assert cover.evaluate("img => img.complete && img.naturalWidth > 0")
    watch.check(width)

    page.get_by_role("link", name=document.number).first.click()
    expect(page.locator("h1")).to_contain_text(document.number)
    expect(page.locator("main")).to_contain_text(document.title)
    watch.check(width)

    page.get_by_role("searchbox", name="Tìm kiếm").fill("kinh te bien")
    page.get_by_role("searchbox", name="Tìm kiếm").press("Enter")
    page.wait_for_url("**/tim-kiem/?q=kinh+te+bien*")
    results = page.locator("main")
    expect(results.get_by_role("link", name=article.title).first).to_be_visible()
    expect(results.get_by_role("link", name=document.number).first).to_be_visible()
    watch.check(width)
    context.close()
