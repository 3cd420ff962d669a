import calendar
from collections import defaultdict

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import DetailView, ListView, MonthArchiveView, TemplateView

from ndportal.dates import WEEKDAYS
from ndportal.preview import PublishedMixin
from resolutions import charts, ical
from resolutions.downloads import AttachmentView
from resolutions.forms import FIRST_YEAR, LAST_YEAR, ConferenceFilterForm, MonthForm, TermForm
from resolutions.models import (
    AgendaItem,
    Committee,
    Conference,
    ConferenceFile,
    ConferenceLevel,
    Document,
    Term,
)
from resolutions.reach import term_reach


class ConferenceListView(ListView):
    """Upcoming conferences first, then past ones page by page, with filters."""

    model = Conference
    paginate_by = 12
    template_name = "resolutions/conference_list.html"

    def get(self, request, *args, **kwargs):
        published = Conference.objects.published()
        self.form = ConferenceFilterForm(request.GET or None, conferences=published)
        self.form_ok = not self.form.is_bound or self.form.is_valid()
        response = super().get(request, *args, **kwargs)
        if not self.form_ok:
            response.status_code = 400
        return response

    def filtered(self):
        queryset = Conference.objects.published().select_related("committee")
        if not self.form_ok:
            return queryset.none()
        if self.form.is_bound:
            queryset = self.form.filter(queryset)
        return queryset

    def get_queryset(self):
        return self.filtered().past()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            upcoming=self.filtered().upcoming()[:12],
            breadcrumbs=[(None, "Hội nghị")],
        )
        return context


def calendar_breadcrumbs():
    return [(reverse("resolutions:conference-list"), "Hội nghị"), (None, "Lịch hội nghị")]


def within_calendar(month):
    """`month` when the calendar shows it, else None: no link leads beyond its years."""
    return month if month and FIRST_YEAR <= month.year <= LAST_YEAR else None


class ConferenceMonthView(View):
    """`/hoi-nghi/lich/?thang=YYYY-MM`, or this month without it: a redirect to that month."""

    def get(self, request):
        form = MonthForm(request.GET)
        month = form.month() if form.is_valid() else None
        if form.errors:
            context = {"month_error": True, "breadcrumbs": calendar_breadcrumbs()}
            return TemplateResponse(
                request, "resolutions/conference_calendar.html", context, status=400
            )
        today = timezone.localdate()
        year, month = month or (today.year, today.month)
        return redirect("resolutions:conference-calendar", year=year, month=month)


class ConferenceCalendarView(MonthArchiveView):
    """A month of published conferences, days counted in Asia/Ho_Chi_Minh.

    Django's month archive finds the month's bounds in the current time zone and the
    months before and after; this view lays the month out in weeks.
    """

    template_name = "resolutions/conference_calendar.html"
    date_field = "starts_at"
    month_format = "%m"
    ordering = "starts_at"
    allow_empty = True
    allow_future = True
    context_object_name = "conferences"

    def get(self, request, *args, **kwargs):
        if not (FIRST_YEAR <= kwargs["year"] <= LAST_YEAR and 1 <= kwargs["month"] <= 12):
            raise Http404("Không có tháng này.")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Conference.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        month = context["month"]
        by_day = defaultdict(list)
        for conference in context["conferences"]:
            by_day[timezone.localdate(conference.starts_at)].append(conference)
        today = timezone.localdate()
        weeks = [
            [
                {
                    "date": day,
                    "in_month": day.month == month.month,
                    "is_today": day == today,
                    "conferences": by_day.get(day, []),
                }
                for day in week
            ]
            for week in calendar.Calendar(firstweekday=0).monthdatescalendar(
                month.year, month.month
            )
        ]
        context.update(
            # Spelt out, with the short form (T2 … CN) a phone's narrow columns show.
            weekdays=list(zip(WEEKDAYS, [*(f"T{n}" for n in range(2, 8)), "CN"], strict=True)),
            weeks=weeks,
            previous_month=within_calendar(context["previous_month"]),
            next_month=within_calendar(context["next_month"]),
            breadcrumbs=calendar_breadcrumbs(),
        )
        return context


class ConferenceDetailView(PublishedMixin, DetailView):
    model = Conference
    preview_allowed = True

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("term", "parent", "committee", "report")
            .prefetch_related(
                "sites",
                "photos",
                "files",
                Prefetch(
                    "agenda",
                    queryset=AgendaItem.objects.select_related("document__doc_type"),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        conference = self.object
        report = getattr(conference, "report", None)
        context.update(
            breadcrumbs=[(reverse("resolutions:conference-list"), "Hội nghị")],
            documents=conference.documents.published().select_related("doc_type", "issuing_body"),
            articles=conference.articles.published().select_related("category"),
            children=conference.children.published().select_related("committee"),
            ancestors=self.public_ancestors(conference),
            report=report if report and report.is_approved else None,
            agenda=self.public_agenda(conference),
        )
        return context

    def public_agenda(self, conference):
        """Agenda items, each linking its document only when readers may open it."""
        agenda = list(conference.agenda.all())
        for item in agenda:
            document = item.document
            item.public_document = document if document and document.is_public else None
        return agenda

    def public_ancestors(self, conference):
        """The series above this conference, top first, stopping at anything unpublished."""
        ancestors = []
        parent = conference.parent
        while parent is not None and parent.is_public and len(ancestors) < len(ConferenceLevel):
            ancestors.insert(0, parent)
            parent = parent.parent
        return ancestors


class ConferencePhotoView(PublishedMixin, DetailView):
    """One photo of the gallery at full size, with links to the previous and next ones."""

    model = Conference
    preview_allowed = True
    template_name = "resolutions/conference_photo.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        photos = list(self.object.photos.all())
        number = self.kwargs["number"]
        if not 1 <= number <= len(photos):
            raise Http404("Không có ảnh này.")
        context.update(
            photo=photos[number - 1],
            number=number,
            total=len(photos),
            previous_number=number - 1 if number > 1 else None,
            next_number=number + 1 if number < len(photos) else None,
            breadcrumbs=[
                (reverse("resolutions:conference-list"), "Hội nghị"),
                (self.object.get_absolute_url(), self.object.title),
                (None, f"Ảnh {number}"),
            ],
        )
        return context


class ConferenceEventView(View):
    """One conference as an .ics file ("Thêm vào lịch")."""

    def get(self, request, slug):
        conference = get_object_or_404(
            Conference.objects.published().select_related("committee"), slug=slug
        )
        return ical.calendar_response(
            [conference], request, name=conference.title, filename=f"{conference.slug}.ics"
        )


class ConferenceFeedView(View):
    """A calendar feed of upcoming published conferences, to subscribe to."""

    def get(self, request):
        conferences = Conference.objects.published().upcoming().select_related("committee")[:200]
        return ical.calendar_response(
            conferences, request, name="Hội nghị học tập, quán triệt nghị quyết"
        )


class ReachTermMixin:
    """The term the reach figures are for: `?khoa=`, else the current one that has them."""

    def chosen_term(self):
        """A Term, None when no term has published thematic resolutions, False when
        `?khoa=` names no term."""
        self.form = TermForm(self.request.GET or None)
        if self.form.is_bound and not self.form.is_valid():
            return False
        # Only terms with published thematic resolutions have something to show.
        with_thematic = Document.objects.published().filter(is_thematic=True).values("term")
        self.terms = list(Term.objects.filter(pk__in=with_thematic))
        term = self.form.cleaned_data.get("khoa") if self.form.is_bound else None
        if term is None:
            # The current term once its resolutions are out, else the latest that has some.
            terms = self.terms
            term = next((t for t in terms if t.is_current), terms[0] if terms else None)
        return term


class ReachView(ReachTermMixin, TemplateView):
    """How far the term's thematic resolutions have been studied, level by level."""

    template_name = "resolutions/reach.html"

    def get(self, request, *args, **kwargs):
        self.term = self.chosen_term()
        if self.term is False:
            return self.render_to_response(
                {"form": self.form, "breadcrumbs": self.breadcrumbs()}, status=400
            )
        return super().get(request, *args, **kwargs)

    def breadcrumbs(self):
        return [(reverse("resolutions:conference-list"), "Hội nghị"), (None, "Kết quả học tập")]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        term = self.term
        reach = term_reach(term) if term else []
        context.update(
            form=self.form,
            terms=self.terms,
            term=term,
            reach=[
                (item, charts.committees_chart(item), charts.members_chart(item)) for item in reach
            ],
            roots=list(Committee.objects.filter(term=term, parent=None)[:5]) if term else [],
            breadcrumbs=self.breadcrumbs(),
        )
        return context


class ConferenceFileView(AttachmentView):
    """A conference's speech, slides or report as a download, or a PDF in the viewer; counted."""

    model = ConferenceFile
    owner_field = "conference"
    fallback_name = "hoi-nghi"
