"""Published questions and answers in the site search: the question and the answer, never
who sent it (the search columns hold only subject, message and answer)."""

from feedback.models import Question
from ndportal.search import register

register(
    Question,
    name="hoi-dap",
    label="Hỏi đáp",
    date_field="answered_at",
    snippet_fields=("message", "search_plain"),
    select_related=("unit", "committee"),
    # The subject alone: str() starts with the reference code, which is the sender's.
    heading=lambda question: question.subject,
)
