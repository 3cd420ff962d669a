"""Public follow-up: a resolution's "Tiến độ thực hiện" page, the term dashboard, their data.

Everything public starts from `Target.objects.public()` (published resolution and
programme) and counts approved reports only (targets/progress.py `load_progress`).
"""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views import View
from django.views.generic import TemplateView

from resolutions.downloads import AttachmentView
from resolutions.exports import BadPage, export_page
from resolutions.models import Document, DocumentRelation, RelationKind, Term
from targets import charts, exports
from targets.forms import TermForm
from targets.models import Milestone, MilestoneFile, Target
from targets.progress import (
    Rollup,
    furthest_behind,
    load_progress,
    report_year,
    rollup_by,
    units_missing,
)


def progress_url(document):
    type_slug, year, slug = document.address
    return reverse(
        "targets:resolution-progress", kwargs={"type_slug": type_slug, "year": year, "slug": slug}
    )


def target_anchor_url(target):
    return f"{progress_url(target.resolution)}#chi-tieu-{target.pk}"


class TermMixin:
    """The term chosen by `?khoa=` (a bad value is a 400), else the current one."""

    def read_term(self):
        self.form = TermForm(self.request.GET or None)
        if self.form.is_bound and not self.form.is_valid():
            return None, False
        with_targets = Target.objects.public().filter(resolution__is_thematic=True)
        self.terms = list(Term.objects.filter(pk__in=with_targets.values("resolution__term")))
        term = self.form.cleaned_data.get("khoa") if self.form.is_bound else None
        if term is None:
            term = next((t for t in self.terms if t.is_current), None) or (
                self.terms[0] if self.terms else None
            )
        return term, True

    def term_targets(self, term):
        return Target.objects.public().filter(resolution__term=term, resolution__is_thematic=True)


class DashboardView(TermMixin, TemplateView):
    """A term across all thematic resolutions: counts by status, who is behind, who is late."""

    template_name = "targets/dashboard.html"

    def get(self, request, *args, **kwargs):
        self.term, ok = self.read_term()
        if not ok:
            context = {"form": self.form, "breadcrumbs": self.breadcrumbs()}
            return self.render_to_response(context, status=400)
        return super().get(request, *args, **kwargs)

    def breadcrumbs(self):
        return [(None, "Tiến độ thực hiện")]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        term = self.term
        items = load_progress(self.term_targets(term), term) if term else []
        by_resolution = rollup_by(items, key=lambda item: item.target.resolution)
        year = report_year(term, timezone.localdate()) if term else None
        context.update(
            form=self.form,
            terms=self.terms,
            term=term,
            overall=Rollup(items=items),
            resolutions=[
                (resolution, rollup, progress_url(resolution))
                for resolution, rollup in by_resolution.items()
            ],
            behind=[(item, target_anchor_url(item.target)) for item in furthest_behind(items)],
            report_year=year,
            missing=units_missing(items, year) if year else [],
            breadcrumbs=self.breadcrumbs(),
        )
        return context


class ResolutionMixin:
    """The published resolution of the URL, 404 unless it has public targets."""

    def get_resolution(self):
        if not 1 <= self.kwargs["year"] <= 9999:
            raise Http404
        resolution = get_object_or_404(
            Document.objects.published().select_related("doc_type", "term"),
            doc_type__slug=self.kwargs["type_slug"],
            issued_on__year=self.kwargs["year"],
            slug=self.kwargs["slug"],
        )
        if resolution.term is None:
            raise Http404
        return resolution

    def load(self, resolution):
        targets = Target.objects.public().filter(resolution=resolution)
        items = load_progress(targets, resolution.term)
        if not items:
            raise Http404
        return items


class ResolutionProgressView(ResolutionMixin, TemplateView):
    """A resolution's targets, programme by programme, with charts, tables and milestones."""

    template_name = "targets/resolution_progress.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        resolution = self.get_resolution()
        items = self.load(resolution)
        by_programme = rollup_by(items, key=lambda item: item.target.programme)
        programmes = list(by_programme)
        # Programmes nest: a department's plan implements the province's programme.
        parents = {
            relation.source_id: relation.target
            for relation in DocumentRelation.objects.filter(
                source__in=programmes,
                kind=RelationKind.IMPLEMENTS,
                target__in=programmes,
            ).select_related("target__doc_type")
        }
        milestones = (
            Milestone.objects.public()
            .filter(programme__in=programmes)
            .select_related("unit", "programme__doc_type")
            .prefetch_related("photos", "files")
            .order_by("-happened_on", "-id")
        )
        context.update(
            resolution=resolution,
            overall=Rollup(items=items),
            programmes=[
                {
                    "programme": programme,
                    "parent": parents.get(programme.pk),
                    "rollup": rollup,
                    "items": [(item, charts.plan_actual_chart(item)) for item in rollup.items],
                }
                for programme, rollup in by_programme.items()
            ],
            milestones=milestones,
            breadcrumbs=[
                (reverse("targets:dashboard"), "Tiến độ thực hiện"),
                (resolution.get_absolute_url(), str(resolution)),
                (None, "Tiến độ"),
            ],
            csv_url=reverse("targets:resolution-progress-csv", kwargs=self.kwargs),
            json_url=reverse("targets:resolution-progress-json", kwargs=self.kwargs),
        )
        return context


class ExportMixin:
    """CSV and JSON downloads, bounded and paged like the registry's."""

    kind = "csv"

    def items_for(self, request):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        targets, term, name = self.items_for(request)
        if targets is None:
            return HttpResponse(
                "Tham số không hợp lệ.", status=400, content_type="text/plain; charset=utf-8"
            )
        try:
            rows, page = export_page(targets.order_by("resolution", "order", "id"), request)
        except BadPage:
            return HttpResponse(
                "Số trang không hợp lệ.", status=400, content_type="text/plain; charset=utf-8"
            )
        items = (
            load_progress(Target.objects.filter(pk__in=[t.pk for t in rows]), term) if term else []
        )
        order = {t.pk: index for index, t in enumerate(rows)}
        items.sort(key=lambda item: order[item.target.pk])

        def page_url(target):
            return request.build_absolute_uri(target_anchor_url(target))

        if self.kind == "csv":
            body = exports.targets_csv(items, page_url)
            response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        else:
            body = json.dumps(
                exports.targets_json(items, page_url, page), ensure_ascii=False, indent=1
            )
            response = HttpResponse(body, content_type="application/json")
        response["Content-Disposition"] = content_disposition_header(
            self.kind == "csv", f"{name}.{self.kind}"
        )
        for header, value in page.headers().items():
            response[header] = value
        return response


class DashboardExportView(TermMixin, ExportMixin, View):
    """Every public target of a term's thematic resolutions."""

    def items_for(self, request):
        term, ok = self.read_term()
        if not ok:
            return None, None, None
        if term is None:
            return Target.objects.none(), None, "chi-tieu"
        return self.term_targets(term), term, f"chi-tieu-khoa-{term.name.lower()}"


class ResolutionExportView(ResolutionMixin, ExportMixin, View):
    """The public targets of one resolution."""

    def items_for(self, request):
        resolution = self.get_resolution()
        targets = Target.objects.public().filter(resolution=resolution)
        if not targets.exists():
            raise Http404
        return targets, resolution.term, f"chi-tieu-{resolution.slug}"


class MilestoneFileView(AttachmentView):
    """A milestone's report or record, for approved milestones of published programmes."""

    model = MilestoneFile
    owner_field = "milestone"

    def get_queryset(self):
        return MilestoneFile.objects.filter(milestone__in=Milestone.objects.public())
