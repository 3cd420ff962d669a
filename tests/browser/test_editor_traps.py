"""The image caption in CKEditor, in a real browser: its placeholder and Ctrl+A."""

import pytest

from ndportal.roles import sync_roles
from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = "Hội nghị được tổ chức trực tiếp kết hợp trực tuyến tới 229 điểm cầu."


def open_editor_with_a_captioned_image(page, base_url):
    """A new article whose body has a paragraph, then an image inserted with a caption."""
    sync_roles()
    make_staff("editor", "bientap", password=PASSWORD)
    log_in(page, base_url, "bientap")
    page.goto(base_url + "/admin/news/article/add/")
    page.wait_for_function("() => CKEDITOR.instances.id_body?.status === 'ready'")
    editor = page.frame_locator("iframe.cke_wysiwyg_frame")
    editor.locator("body").click()
    page.keyboard.type(BODY)
    page.keyboard.press("Enter")
    page.click("a.cke_button__image")
    dialog = page.locator(".cke_dialog")
    dialog.wait_for()
    dialog.locator(".cke_dialog_ui_input_text input").first.fill("/static/img/og-default.png")
    dialog.get_by_label("Mô tả ảnh (alt)", exact=False).fill("Quang cảnh hội nghị")
    dialog.get_by_label("Ảnh có chú thích").check()
    page.click(".cke_dialog .cke_dialog_ui_button_ok")
    dialog.wait_for(state="hidden")
    return editor


def body_html(page):
    return page.evaluate("() => CKEDITOR.instances.id_body.getData()")


def test_new_caption_placeholder_says_what_to_type(live_server, page):
    """A new caption reads 'Chú thích ảnh (để trống nếu không cần)', not CKEditor's 'Nhãn'."""
    editor = open_editor_with_a_captioned_image(page, live_server.url)

    caption = editor.locator("figcaption").inner_text().strip()
    assert caption == "Chú thích ảnh (để trống nếu không cần)"
    assert "Nhãn" not in body_html(page)


def test_ctrl_a_on_the_selected_image_selects_its_caption_only(live_server, page):
    """Image selected, Ctrl+A, typing: the caption is replaced and the body is kept."""
    editor = open_editor_with_a_captioned_image(page, live_server.url)

    editor.locator("figure img").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Đại biểu dự hội nghị")

    html = body_html(page)
    assert BODY in html.replace("&agrave;", "à")
    assert "<figcaption>Đại biểu dự hội nghị</figcaption>" in html


def test_ctrl_a_inside_the_caption_selects_the_caption(live_server, page):
    """Caret in the caption, Ctrl+A selects the caption's text and nothing else."""
    editor = open_editor_with_a_captioned_image(page, live_server.url)

    editor.locator("figcaption").click()
    page.keyboard.press("Control+A")

    selected = page.evaluate("() => CKEDITOR.instances.id_body.getSelection().getSelectedText()")
    assert selected.strip() == "Chú thích ảnh (để trống nếu không cần)"
    page.keyboard.type("Quang cảnh")
    html = body_html(page)
    assert "<figcaption>Quang cảnh</figcaption>" in html
    assert "229 điểm cầu" in html
