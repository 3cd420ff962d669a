"""CKEditor in a real browser: the image caption's placeholder, Ctrl+A, pasting from Word."""

import html

import pytest

from ndportal.roles import sync_roles
from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import make_staff
from tests.word_html import WORD_HTML

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
    """The editor's HTML, with CKEditor's entities (qu&aacute;n) read back as letters."""
    return html.unescape(page.evaluate("() => CKEDITOR.instances.id_body.getData()"))


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

    content = body_html(page)
    assert BODY in content
    assert "<figcaption>Đại biểu dự hội nghị</figcaption>" in content


def test_ctrl_a_inside_the_caption_selects_the_caption(live_server, page):
    """Caret in the caption, Ctrl+A selects the caption's text and nothing else."""
    editor = open_editor_with_a_captioned_image(page, live_server.url)

    editor.locator("figcaption").click()
    page.keyboard.press("Control+A")

    selected = page.evaluate("() => CKEDITOR.instances.id_body.getSelection().getSelectedText()")
    assert selected.strip() == "Chú thích ảnh (để trống nếu không cần)"
    page.keyboard.type("Quang cảnh")
    content = body_html(page)
    assert "<figcaption>Quang cảnh</figcaption>" in content
    assert "229 điểm cầu" in content


def paste_html(page, markup):
    """Paste `markup` into the editor the way the browser hands over Word's clipboard."""
    editable = page.frame_locator("iframe.cke_wysiwyg_frame").locator("body")
    editable.click()
    editable.evaluate(
        """(body, html) => {
            const data = new DataTransfer()
            data.setData("text/html", html)
            data.setData("text/plain", body.innerText)
            body.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                            cancelable: true}))
        }""",
        markup,
    )


def test_word_paste_keeps_structure_and_its_local_picture_is_refused_by_name(live_server, page):
    """Word HTML pasted: bold, lists and tables stay, fonts go; saving names the local image."""
    sync_roles()
    make_staff("editor", "bientap", password=PASSWORD)
    log_in(page, live_server.url, "bientap")
    page.goto(live_server.url + "/admin/news/article/add/")
    page.fill("#id_title", "Hội nghị quán triệt Nghị quyết 01-NQ/TU")
    page.fill("#id_lead", "Sáng 30/7, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.")
    page.wait_for_function("() => CKEDITOR.instances.id_body?.status === 'ready'")

    paste_html(page, WORD_HTML)
    page.wait_for_function("() => CKEDITOR.instances.id_body.getData().includes('<table')")
    content = body_html(page)
    for kept in ["<strong>Hội nghị quán triệt</strong>", "<em>số 01-NQ/TU</em>", "<li>", "<td"]:
        assert kept in content
    for dropped in ["font-family", "font-size", "color:"]:
        assert dropped not in content

    page.click("input[name=_save]")
    page.wait_for_load_state()
    assert "Ảnh thứ 1 (“clip_image002.jpg”) là tệp trên máy của bạn" in page.content()
