"""An article goes from the editor's desk to the public site, in a real browser."""

import io

import pytest
from PIL import Image

from ndportal.publishing import Status
from ndportal.roles import sync_roles
from news.models import Article
from tests.factories import make_category, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Matkhau-bien-tap-2026"
TITLE = "Tỉnh ủy Nam Định quán triệt Nghị quyết Đại hội"


def log_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base_url + "/admin/")


def log_out(page, base_url):
    # Django's logout is a POST from the admin header.
    page.goto(base_url + "/admin/")
    page.click("#logout-form button")


def choose_autocomplete(page, field_id, text):
    """Pick `text` in an admin autocomplete (select2) field, as a user does."""
    page.click(f"#{field_id} + .select2 .select2-selection")
    # The open dropdown's own search box: multiple-choice fields have one inline too.
    page.fill(".select2-container--open .select2-search__field", text)
    page.click(f".select2-container--open .select2-results__option:has-text('{text}')")


def insert_image_through_the_dialog(page, file_path, alt, caption):
    """Upload an image with the Image button's Upload tab, then fill alt text and caption."""
    page.click("a.cke_button__image")
    page.locator(".cke_dialog").wait_for()
    page.click(".cke_dialog_tab:has-text('Tải lên')")
    page.frame_locator(".cke_dialog iframe.cke_dialog_ui_input_file").locator(
        "input[type=file]"
    ).set_input_files(file_path)
    with page.expect_response("**/admin/editor/upload/") as upload:
        page.click(".cke_dialog a.cke_dialog_ui_fileButton")
    assert upload.value.status == 200
    # After the upload CKEditor returns to the first tab with the URL filled in.
    url_input = page.locator(".cke_dialog .cke_dialog_ui_input_text input").first
    page.wait_for_function(
        "input => input.value.includes('/media/editor/')", arg=url_input.element_handle()
    )
    dialog = page.locator(".cke_dialog")
    dialog.get_by_label("Mô tả ảnh (alt)", exact=False).fill(alt)
    dialog.get_by_label("Ảnh có chú thích").check()
    page.click(".cke_dialog .cke_dialog_ui_button_ok")
    page.locator(".cke_dialog").wait_for(state="hidden")
    editor = page.frame_locator("iframe.cke_wysiwyg_frame")
    editor.locator("figcaption").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(caption)
    return upload.value.json()["url"]


def test_editor_writes_approver_publishes_reader_reads(live_server, page, tmp_path):
    """An editor writes an article with an image and submits it; an approver publishes it."""
    sync_roles()
    category = make_category(name="Thời sự", slug="thoi-su")
    make_staff("editor", "bientap", password=PASSWORD)
    make_staff("approver", "duyet", password=PASSWORD)
    photo = tmp_path / "hoi-nghi.jpg"
    image = Image.new("RGB", (800, 500), (180, 30, 30))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    base = live_server.url

    # The editor writes the article in CKEditor and sends it for review.
    log_in(page, base, "bientap")
    page.goto(base + "/admin/news/article/add/")
    page.fill("#id_title", TITLE)
    choose_autocomplete(page, "id_category", category.name)
    page.fill("#id_lead", "Sáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt.")
    page.wait_for_function("CKEDITOR.instances.id_body?.status === 'ready'")
    editor = page.frame_locator("iframe.cke_wysiwyg_frame")
    editor.locator("body").click()
    page.keyboard.type("Hội nghị được tổ chức trực tiếp kết hợp trực tuyến tới 229 điểm cầu.")
    page.keyboard.press("Enter")
    image_url = insert_image_through_the_dialog(
        page, photo, alt="Quang cảnh hội nghị", caption="Quang cảnh hội nghị quán triệt"
    )
    page.click("button[name=_workflow][value=submit]")
    page.wait_for_url("**/admin/news/article/**")

    article = Article.objects.get(title=TITLE)
    assert article.status == Status.REVIEW
    assert 'alt="Quang cảnh hội nghị"' in article.body
    assert f'src="{image_url}"' in article.body
    assert "<figcaption>Quang cảnh hội nghị quán triệt</figcaption>" in article.body

    # Before publication, readers get a 404.
    log_out(page, base)
    response = page.goto(base + article.get_absolute_url())
    assert response.status == 404

    # The approver publishes it.
    log_in(page, base, "duyet")
    page.goto(base + f"/admin/news/article/{article.pk}/change/")
    page.click("button[name=_workflow][value=publish]")
    page.wait_for_url("**/admin/news/article/**")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED

    # A reader sees it on the public page, with the image, its alt text and caption.
    log_out(page, base)
    response = page.goto(base + article.get_absolute_url())
    assert response.status == 200
    assert page.locator("h1").inner_text() == TITLE
    figure_image = page.locator(".rich-text figure img")
    assert figure_image.get_attribute("src") == image_url
    assert figure_image.get_attribute("alt") == "Quang cảnh hội nghị"
    assert page.locator(".rich-text figcaption").inner_text() == "Quang cảnh hội nghị quán triệt"
