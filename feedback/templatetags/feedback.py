"""`{% feedback_form item %}` and `{% question_counts document %}` for any page that relates.

The form drawn here has no CSRF token and no time stamp, so the page that carries it stays
cacheable; it posts to the send page's first step (feedback/views.py).
"""

from django import template
from django.db.models import Avg, Count, Q

from feedback.forms import QuestionForm
from feedback.models import Question, QuestionStatus
from feedback.related import related_field

register = template.Library()


@register.inclusion_tag("feedback/includes/question_form.html")
def feedback_form(item=None, heading_id="feedback-form-title"):
    """The sending form, about `item` (a document, a conference), for a cached page."""
    field = related_field(item) if item is not None else None
    initial = {field: item.pk} if field else {}
    return {
        "form": QuestionForm(initial=initial),
        "related": item if field else None,
        "with_token": False,
        "heading_id": heading_id,
    }


@register.inclusion_tag("feedback/includes/question_counts.html")
def question_counts(document):
    """Questions received about the document, answered, average days to answer: one query."""
    answered = Q(status=QuestionStatus.ANSWERED)
    counts = Question.objects.filter(document=document).aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=answered),
        average_days=Avg("days_to_answer", filter=answered),
    )
    return {"counts": counts, "document": document}
