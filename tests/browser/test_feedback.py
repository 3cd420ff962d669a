"""A reader sends a question from a resolution's page and looks it up by its code."""

import re

import pytest

from feedback.models import Question, QuestionStatus
from tests.factories import make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Hỗ trợ cánh đồng lớn sản xuất lúa"


def test_a_reader_sends_a_question_and_looks_it_up(live_server, page, settings):
    """From the document page: fill, confirm, get a code; the lookup shows its status."""
    settings.FEEDBACK_MIN_FILL_SECONDS = 0  # a robot's speed; the fill time has its own tests
    document = make_document(number="02-NQ/TU", title="về phát triển nông nghiệp hàng hóa")

    page.goto(live_server.url + document.get_absolute_url())
    form = page.locator("form.feedback-form")
    form.get_by_label("Tiêu đề").fill(SUBJECT)
    form.get_by_label("Nội dung").fill(
        "Hợp tác xã chúng tôi muốn tích tụ trên 50 ha. Chính sách hỗ trợ áp dụng thế nào?"
    )
    form.get_by_label("Họ và tên (không bắt buộc)").fill("Nguyễn Văn Bình")
    form.get_by_label(re.compile("Tôi đồng ý công bố")).check()
    form.get_by_role("button", name="Gửi").click()

    # The cached page's form has no token: the send page shows it back, filled, to confirm.
    page.wait_for_url("**/hoi-dap/gui/")
    assert "chưa được gửi" in page.locator("main").inner_text()
    assert page.get_by_label("Tiêu đề").input_value() == SUBJECT
    page.locator("form.feedback-form").get_by_role("button", name="Gửi").click()

    page.wait_for_url("**/hoi-dap/tra-cuu/?ma=*")
    code = page.locator(".question-code").inner_text()
    question = Question.objects.get()
    assert code == question.code
    assert question.document == document
    assert question.status == QuestionStatus.RECEIVED

    page.goto(live_server.url + "/hoi-dap/")
    page.get_by_label("Mã tra cứu").fill(code.lower())
    page.get_by_role("button", name="Tra cứu").click()
    result = page.locator(".lookup-result").text_content()  # as written, not as styled
    assert SUBJECT in result
    assert "Đã tiếp nhận" in result
    assert "Nguyễn Văn Bình" not in page.content()
