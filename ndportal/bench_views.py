"""Two bare-Django references for `make bench`, mounted only when NDPORTAL_BENCH_VIEWS is on.

The portal's pages are measured as ratios to these under the same gunicorn settings: the
ceiling of a Django response, and of a 20 KB template rendered with no database.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

ROWS = range(130)  # about 20 KB of HTML


def ok(request):
    return HttpResponse("ok")


def template_20kb(request):
    return render(request, "bench/20kb.html", {"rows": ROWS})


urlpatterns = [
    path("ok/", ok, name="ok"),
    path("20kb/", template_20kb, name="20kb"),
]
