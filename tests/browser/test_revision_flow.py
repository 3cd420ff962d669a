"""The measured editor's path: an illustrated article, then a typo fixed through a revision."""

import io

import pytest
from PIL import Image

from ndportal.publishing import Status
from ndportal.revisions import Revision
from ndportal.roles import sync_roles
from news.models import Article
from tests.browser.test_editorial_flow import PASSWORD, choose_autocomplete, log_in, log_out
from tests.factories import make_category, make_document, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Hội nghị quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX"
LEAD_WITH_TYPO = "Sáng 30/7, Ban Thường vụ Tỉnh ủy tổ chức hội nghi quán triệt nghị quyết."
LEAD_FIXED = "Sáng 30/7, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt nghị quyết."
PASTED_BODY = (
    "<p>Hội nghị được tổ chức trực tiếp kết hợp trực tuyến tới 229 điểm cầu.</p>"
    "<p>Các đại biểu đã nghe báo cáo viên trình bày những nội dung cốt lõi.</p>"
    "<ul><li>Xây dựng Đảng và hệ thống chính trị</li><li>Phát triển kinh tế - xã hội</li></ul>"
)


class Path:
    """Counts what the editor does: clicks and fields filled (typing or choosing a file)."""

    def __init__(self, page):
        self.page, self.clicks, self.fields = page, 0, 0

    def click(self, selector):
        self.clicks += 1
        self.page.click(selector)

    def fill(self, selector, value):
        self.fields += 1
        self.page.fill(selector, value)

    def choose(self, field_id, text):
        # Open the box, type, pick a line: two clicks and one field.
        self.clicks += 2
        self.fields += 1
        choose_autocomplete(self.page, field_id, text)

    def attach(self, selector, path):
        self.fields += 1
        self.page.set_input_files(selector, path)

    def paste_into_body(self, html):
        """Click into the body and paste HTML, as from a word processor (one click, one field)."""
        self.clicks += 1
        self.fields += 1
        self.page.wait_for_function("() => CKEDITOR.instances.id_body?.status === 'ready'")
        editor = self.page.frame_locator("iframe.cke_wysiwyg_frame")
        editor.locator("body").click()
        # CKEditor's own paste command: the same paste filter a Ctrl+V from Word goes through
        # (a synthetic ClipboardEvent is not trusted by the browser, so it cannot be used).
        self.page.evaluate(
            "html => CKEDITOR.instances.id_body.execCommand('paste', {dataValue: html})",
            html,
        )
        editor.locator("li", has_text="Phát triển kinh tế").wait_for()

    @property
    def actions(self):
        return self.clicks + self.fields


def test_editor_path_with_a_reviewed_correction(live_server, page, tmp_path):
    """Enter, submit, publish; then fix a typo through a reviewed revision; count the steps."""
    sync_roles()
    category = make_category(name="Thời sự", slug="thoi-su")
    document = make_document(number="01-NQ/TU", title="về xây dựng Đảng bộ trong sạch, vững mạnh")
    make_staff("editor", "bientap", password=PASSWORD)
    make_staff("approver", "duyet", password=PASSWORD)
    photo = tmp_path / "hoi-nghi.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 675), (180, 30, 30)).save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    base = live_server.url

    # --- The editor enters the article, from the admin's home page -----------------
    log_in(page, base, "bientap")
    path = Path(page)
    path.click("#content-main a[href='/admin/news/article/add/']")
    path.fill("#id_title", TITLE)
    path.choose("id_category", category.name)
    path.fill("#id_lead", LEAD_WITH_TYPO)
    path.paste_into_body(PASTED_BODY)
    path.attach("#id_cover_image", photo)
    path.fill("#id_cover_caption", "Quang cảnh hội nghị. Ảnh: Minh Anh")
    path.fill("#id_cover_alt", "Hội trường Tỉnh ủy với các đại biểu dự hội nghị")
    path.choose("id_documents", "01-NQ/TU")
    path.click("button[name=_workflow][value=submit]")
    page.wait_for_load_state()
    entry = (path.clicks, path.fields)
    article = Article.objects.get(title=TITLE)
    assert article.status == Status.REVIEW
    url = article.get_absolute_url()

    # --- The approver publishes it ---------------------------------------------------
    log_out(page, base)
    log_in(page, base, "duyet")
    page.goto(base + f"/admin/news/article/{article.pk}/change/")
    page.click("button[name=_workflow][value=publish]")
    page.wait_for_load_state()
    log_out(page, base)
    response = page.goto(base + url)
    assert response.status == 200
    assert page.locator("h1").inner_text() == TITLE
    assert page.locator(".article-lead").inner_text() == LEAD_WITH_TYPO
    assert page.locator(".rich-text p").count() >= 2
    assert page.locator(".rich-text li").all_inner_texts() == [
        "Xây dựng Đảng và hệ thống chính trị",
        "Phát triển kinh tế - xã hội",
    ]
    cover = page.locator("figure img").first
    assert cover.get_attribute("alt") == "Hội trường Tỉnh ủy với các đại biểu dự hội nghị"
    assert "Quang cảnh hội nghị" in page.locator("figure figcaption").first.inner_text()
    assert page.locator(f"a[href='{document.get_absolute_url()}']").count() >= 1

    # --- The editor fixes the typo: a revision, sent for review ---------------------
    log_in(page, base, "bientap")
    path.click("#content-main a[href='/admin/news/article/']")
    path.click(f"a[href='/admin/news/article/{article.pk}/change/']")
    page.wait_for_url(f"**/admin/news/article/{article.pk}/change/")
    page.locator(".revision-banner").wait_for()
    assert "đang hiện trên cổng" in page.locator(".revision-banner").inner_text()
    path.fill("#id_lead", LEAD_FIXED)
    path.click("button[name=_revision][value=submit]")
    page.wait_for_url(f"**/admin/news/article/{article.pk}/ban-sua/")
    assert Revision.objects.get().status == "review"
    correction = (path.clicks - entry[0], path.fields - entry[1])

    # Readers still see the published version.
    log_out(page, base)
    page.goto(base + url)
    assert page.locator(".article-lead").inner_text() == LEAD_WITH_TYPO

    # --- The approver sees the diff and publishes the correction ---------------------
    log_in(page, base, "duyet")
    page.click("#revisions-awaiting a")
    assert page.locator(".version-diff ins").first.inner_text() == "nghị"
    page.click("button[name=action][value=publish]")
    page.wait_for_url(f"**/admin/news/article/{article.pk}/change/")
    log_out(page, base)
    response = page.goto(base + url)
    assert response.status == 200
    assert page.locator(".article-lead").inner_text() == LEAD_FIXED
    assert page.locator("h1").inner_text() == TITLE

    print(
        f"\nEditor's path: entry {entry[0]} clicks + {entry[1]} fields, correction "
        f"{correction[0]} clicks + {correction[1]} fields, total {path.actions} actions"
    )
    assert path.actions < 25
