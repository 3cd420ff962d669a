"""Measure how fast the main public pages render, and how many queries they make.

Targets live here and in docs/benchmarks.md, not in timed tests. Run with `make bench-render`,
which uses a throw-away database filled by load_demo.
"""

import resource
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.db.models import Count
from django.test import Client
from django.test.utils import override_settings

from news.models import Article
from resolutions.models import Committee, Conference, Document

# Median render time in milliseconds each page must stay under (one process, no cache).
TARGET_MEDIAN_MS = 100


class Command(BaseCommand):
    help = "Đo thời gian dựng và số truy vấn của các trang công khai chính."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument(
            "--url", action="append", dest="only", help="Chỉ đo trang này (lặp lại được)."
        )

    def handle(self, *args, runs, only=None, **options):
        article = Article.objects.published().select_related("category").first()
        document = Document.objects.published().select_related("doc_type").first()
        conference = Conference.objects.published().first()
        urls = ["/", "/tin-tuc/", "/van-ban/", "/van-ban/?nhiem_ky=XX", "/hoi-nghi/"]
        urls += ["/hoi-nghi/ket-qua-hoc-tap/", "/van-ban/du-lieu.csv", "/tim-kiem/?q=nghi"]
        urls += [obj.get_absolute_url() for obj in (article, document, conference) if obj]
        # The committee with the most children: the largest committee page.
        committee = (
            Committee.objects.annotate(size=Count("children")).order_by("-size", "pk").first()
        )
        if committee:
            urls.append(committee.get_absolute_url())
        urls = only or urls

        client = Client()
        failures = 0
        self.stdout.write(f"{'page':58} {'status':>6} {'queries':>7} {'median':>8} {'p95':>8}")
        # DEBUG only so that connection.queries is recorded; the page cache off, or every
        # run after the first would measure a cache hit.
        with override_settings(DEBUG=True, PAGE_CACHE_SECONDS=0):
            for url in urls:
                timings = []
                for _ in range(runs):
                    reset_queries()
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                queries = len(connection.queries)
                median = statistics.median(timings)
                p95 = statistics.quantiles(timings, n=20)[-1]
                ok = response.status_code == 200 and median < TARGET_MEDIAN_MS
                failures += not ok
                self.stdout.write(
                    f"{url[:58]:58} {response.status_code:>6} {queries:>7} "
                    f"{median:>6.1f}ms {p95:>6.1f}ms{'' if ok else '  <-- over target'}"
                )
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"peak memory of this process: {peak_mb:.0f} MB")
        within = len(urls) - failures
        summary = f"{within} pages within {TARGET_MEDIAN_MS} ms median, {failures} over"
        if failures:
            raise CommandError(summary)
        self.stdout.write(summary)
