"""A committee's public page, and the reach figures as CSV and JSON.

Readers see a committee's published conferences and its approved results only; which
committees have not reported is for staff (the campaign page in the admin).
"""

import json

from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views import View
from django.views.generic import DetailView

from resolutions import charts, exports
from resolutions.models import Committee, Conference, Document, StudyResult
from resolutions.reach import term_reach
from resolutions.views.conferences import ReachTermMixin

CHILDREN_SHOWN = 200


class CommitteeDetailView(DetailView):
    """One committee: where it sits in the tree, its conferences and its approved results."""

    model = Committee
    template_name = "resolutions/committee_detail.html"

    def get_queryset(self):
        return Committee.objects.select_related("parent", "term")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee = self.object
        results = list(
            StudyResult.objects.published()
            .filter(committee=committee)
            .select_related("document__doc_type")
            .order_by("document__issued_on", "document__number")
        )
        # One row more than shown tells whether the list goes on, without a count query.
        children = list(committee.children.all()[: CHILDREN_SHOWN + 1])
        context.update(
            children=children[:CHILDREN_SHOWN],
            children_more=len(children) > CHILDREN_SHOWN,
            conferences=(
                Conference.objects.published()
                .filter(committee=committee)
                .order_by("-starts_at")
                .prefetch_related(
                    Prefetch(
                        "documents",
                        queryset=Document.objects.published()
                        .only("number")
                        .order_by("issued_on", "number"),
                    )
                )
            ),
            results=results,
            chart=charts.results_chart(committee, results) if results else None,
            breadcrumbs=[
                (reverse("resolutions:conference-list"), "Hội nghị"),
                (reverse("resolutions:conference-reach"), "Kết quả học tập"),
                (None, committee.name),
            ],
        )
        return context


class ReachExportView(ReachTermMixin, View):
    """The reach figures of one term (`?khoa=`) as a download."""

    def get(self, request):
        term = self.chosen_term()
        if term is False:
            return HttpResponseBadRequest("Không có nhiệm kỳ này.", content_type="text/plain")
        reach = term_reach(term) if term else []
        return self.render(reach, term)


class ReachCSVView(ReachExportView):
    def render(self, reach, term):
        response = HttpResponse(exports.reach_csv(reach), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, "ket-qua-hoc-tap.csv")
        return response


class ReachJSONView(ReachExportView):
    def render(self, reach, term):
        data = exports.reach_json(reach, term)
        return HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json"
        )
