"""Public pages of feedback: the Hỏi đáp list and answers, the sending form, the lookup.

Pages that carry the form for everyone (a resolution, a conference, the Hỏi đáp list)
are served from the page cache, which never stores a page holding a CSRF token. So the
form there has no token and no time stamp: it posts to the send page as a first step
("nhap"), which saves nothing and shows the same form, filled in, with a token and a
fresh time stamp; the reader checks it and presses Gửi. The send page itself is never
cached. No script is needed on either page (docs/security.md §22).
"""

import datetime

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import DetailView, ListView

from feedback.forms import (
    LookupForm,
    QuestionFilterForm,
    QuestionForm,
    SendQueryForm,
    form_timestamp,
)
from feedback.models import Question
from ndportal.ratelimit import Rate, client_address, hit, too_many_requests

SEND_STEP, DRAFT_STEP = "gui", "nhap"


def _public_questions():
    return Question.objects.published().select_related(
        "document__doc_type", "conference", "unit", "committee"
    )


class QuestionListView(ListView):
    """Hỏi đáp – Góp ý: published questions and answers, filtered by resolution and unit."""

    template_name = "feedback/question_list.html"
    context_object_name = "questions"
    paginate_by = 20

    def get_filter_form(self):
        if not hasattr(self, "_filter_form"):
            self._filter_form = QuestionFilterForm(self.request.GET)
        return self._filter_form

    def get_queryset(self):
        values = self.get_filter_form().valid_values()
        questions = _public_questions().order_by("-answered_at", "-pk")
        if "van_ban" in values:
            questions = questions.filter(document=values["van_ban"])
        if "don_vi" in values:
            questions = questions.filter(unit=values["don_vi"])
        return questions

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filter_form=self.get_filter_form(),
            breadcrumbs=[(None, "Hỏi đáp – Góp ý")],
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        # A bad filter value drops only its filter, and says so with a 400 (docs/security.md §9).
        if self.get_filter_form().errors:
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


class QuestionDetailView(DetailView):
    """One published question and its answer; anything else is a 404."""

    template_name = "feedback/question_detail.html"
    context_object_name = "question"

    def get_queryset(self):
        return _public_questions()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            (reverse("feedback:question-list"), "Hỏi đáp – Góp ý"),
            (None, self.object.subject),
        ]
        return context


def send_allowed(request):
    """The per-address limit, from the shared cache.

    When the cache is down the limit cannot count: the form stays open rather than turn
    citizens away, but only up to FEEDBACK_OUTAGE_HOURLY_LIMIT questions an hour from all
    addresses together, counted in the database (one indexed count).
    """
    rate = Rate.parse(settings.FEEDBACK_RATE)
    count = hit("feedback:send", client_address(request) or "unknown", rate)
    if count is None:
        since = timezone.now() - datetime.timedelta(hours=1)
        recent = Question.objects.filter(received_at__gte=since).count()
        return recent < settings.FEEDBACK_OUTAGE_HOURLY_LIMIT, rate
    return count <= rate.limit, rate


@method_decorator(csrf_exempt, name="dispatch")
class QuestionSendView(View):
    """/hoi-dap/gui/: the form with its token (GET), the first step and the sending (POST).

    csrf_exempt covers only the first step, which saves nothing and only shows the filled
    form back; the sending step is checked by Django's own csrf_protect below.
    """

    template_name = "feedback/question_form.html"

    def get(self, request):
        query = SendQueryForm(request.GET)
        values = query.valid_values()
        initial = {}
        if "van_ban" in values:
            initial["document"] = values["van_ban"]
        if "hoi_nghi" in values:
            initial["conference"] = values["hoi_nghi"]
        initial["thoi_diem"] = form_timestamp()
        return self.show(QuestionForm(initial=initial), status=400 if query.errors else 200)

    def post(self, request):
        if request.POST.get("buoc") != SEND_STEP:
            return self.first_step(request)
        return csrf_protect(self.send)(request)

    def first_step(self, request):
        """From a cached page: nothing is saved; the form comes back with token and stamp."""
        if request.POST.get("website"):
            return self.refuse()
        return self.show(self.fresh_form(request), draft=True)

    def send(self, request):
        form = QuestionForm(request.POST)
        if form.is_robot():
            return self.refuse()
        if not form.is_valid():
            return self.show(self.fresh_form(request))
        problem = form.timing_problem()
        if problem:
            return self.show(self.fresh_form(request), problem=problem)
        allowed, rate = send_allowed(request)
        if not allowed:
            return too_many_requests(request, rate)
        question = form.save()
        return redirect(f"{reverse('feedback:lookup')}?ma={question.code}&moi=1")

    def refuse(self):
        """The honeypot was filled: no person sees that field. Nothing is kept or shown back."""
        blank = QuestionForm(initial={"thoi_diem": form_timestamp()})
        return self.show(blank, status=400, problem="Không gửi được biểu mẫu này.")

    def fresh_form(self, request):
        """The form as the reader filled it, with a new time stamp."""
        data = request.POST.copy()
        data["thoi_diem"] = form_timestamp()
        data["website"] = ""
        return QuestionForm(data)

    def show(self, form, *, status=200, draft=False, problem=None):
        values = form.initial
        if form.is_bound:
            form.is_valid()  # what needs fixing is shown at once, on either step
            values = form.cleaned_data
        context = {
            "form": form,
            "draft": draft,
            "problem": problem,
            "related": values.get("document") or values.get("conference"),
            "breadcrumbs": [
                (reverse("feedback:question-list"), "Hỏi đáp – Góp ý"),
                (None, "Gửi câu hỏi, góp ý"),
            ],
        }
        response = render(self.request, self.template_name, context, status=status)
        # The page may hold what the reader typed, contact details included: never stored.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response


class QuestionLookupView(View):
    """/hoi-dap/tra-cuu/?ma=GY-7K3F9Q: the status of one question, for whoever has its code.

    Rate-limited per address (settings.RATE_LIMITS). A malformed and an unknown code get
    the same page, which names no other question. Never cached: the code is the sender's.
    """

    template_name = "feedback/question_lookup.html"

    def get(self, request):
        form = LookupForm(request.GET or None)
        question = None
        searched = form.is_bound
        if form.is_bound and form.is_valid() and form.cleaned_data["ma"]:
            question = (
                Question.objects.select_related("unit", "committee", "document__doc_type")
                .filter(code=form.cleaned_data["ma"])
                .first()
            )
        context = {
            "form": LookupForm(initial={"ma": request.GET.get("ma", "")[:20]}),
            "question": question,
            "searched": searched,
            "just_sent": question is not None and request.GET.get("moi") == "1",
            "breadcrumbs": [
                (reverse("feedback:question-list"), "Hỏi đáp – Góp ý"),
                (None, "Tra cứu"),
            ],
        }
        response = render(request, self.template_name, context)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex"
        return response
