"""`make bench-search`: latency of 30 representative searches on a large PostgreSQL database.

For each query it times the search alone (`_run_query`: the engine call that the results
page makes, results and counts) and the whole page (`GET /tim-kiem/?q=...` through the
test client, debug off), and prints the median and the 95th percentile, per query and
overall. With `--generate-if-empty` an empty database is first filled by `generate_bulk`
at full size. Targets are in the README; this is a measurement, never a test.
"""

import statistics
import time
import warnings
from urllib.parse import urlencode

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

import ndportal.search as engine
from news.models import Article
from resolutions.models import Conference, Document

FULL_SIZE = {"articles": 100_000, "documents": 10_000, "conferences": 2_000}
RESULTS_PER_KIND = 20

# (what it exercises, query). generate_bulk plants `nông thôn mới` in half of the articles
# and `Phạm Gia Túc` in about one in five thousand.
QUERIES = [
    ("accented", "Tỉnh ủy"),
    ("accented", "chuyển đổi số"),
    ("accented", "kinh tế biển"),
    ("accented", "di sản văn hóa"),
    ("unaccented", "tinh uy"),
    ("unaccented", "chuyen doi so"),
    ("unaccented", "giam ngheo ben vung"),
    ("tone style", "Tỉnh uỷ Nam Định"),
    ("number", "01-NQ/TU"),
    ("number", "01 NQ TU"),
    ("number", "nq 01"),
    ("number", "nghị quyết 01"),
    ("number", "12/2021/NQ-HĐND"),
    ("number", "345/QĐ-UBND"),
    ("number", "qd ubnd 345"),
    ("thousands", "2.000 tỷ đồng"),
    ("year", "2021"),
    ("multi-word", "phát triển công nghiệp chế biến chế tạo"),
    ("multi-word", "tăng cường kiểm tra giám sát thực hiện"),
    ("phrase", '"kinh tế biển"'),
    ("phrase", '"xây dựng Đảng và hệ thống chính trị"'),
    ("rare", "Phạm Gia Túc"),
    ("rare", "pham gia tuc"),
    ("rare", "Hải Đông"),
    ("common", "tỉnh"),
    ("common", "Đảng"),
    ("common", "nhân dân"),
    ("~50% of articles", "nông thôn mới"),
    ("prefix", "nghi"),
    ("no match", "xyzzy khongco"),
]


def _evaluate(value):
    """Force a lazy result (queryset, page, dict of them) so the database really runs."""
    if isinstance(value, dict):
        return {key: _evaluate(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_evaluate(item) for item in value]
    if hasattr(value, "_fetch_all") or hasattr(value, "object_list"):
        return list(value)
    return value


def _run_query(q):
    """The search the results page makes, without rendering: the adapter to each engine.

    The new engine exposes one entry point (`ndportal.search.run_search`); until it exists,
    today's engine is called the way the page calls it, plus the per-kind counts.
    """
    run_search = getattr(engine, "run_search", None)
    if run_search is not None:
        return _evaluate(run_search(q))
    documents = Document.objects.published().select_related("doc_type", "issuing_body")
    articles = Article.objects.published().select_related("category")
    conferences = Conference.objects.published()
    found = {
        "documents": engine.search(documents, q).numbered_first(q),
        "articles": engine.search(articles, q),
        "conferences": engine.search(conferences, q),
    }
    return {
        kind: (list(queryset[:RESULTS_PER_KIND]), queryset.count())
        for kind, queryset in found.items()
    }


def _p95(timings):
    return statistics.quantiles(timings, n=20, method="inclusive")[-1]


class Command(BaseCommand):
    help = "Đo độ trễ tìm kiếm (trung vị, p95) với 30 truy vấn trên dữ liệu lớn (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=10, help="Số lần đo mỗi truy vấn.")
        parser.add_argument(
            "--generate-if-empty",
            action="store_true",
            help="Sinh dữ liệu cỡ đầy đủ bằng generate_bulk khi cơ sở dữ liệu chưa có bài.",
        )
        parser.add_argument(
            "--any-database",
            action="store_true",
            help="Cho chạy cả khi không phải PostgreSQL (chỉ để thử lệnh).",
        )

    def handle(self, *args, runs, generate_if_empty, any_database, **options):
        if connection.vendor != "postgresql" and not any_database:
            raise CommandError(
                "Cần PostgreSQL: đặt DATABASE_URL, ví dụ "
                "postgres://postgres@127.0.0.1:5432/ndportal_bench"
            )
        if runs < 2:
            raise CommandError("--runs phải từ 2 trở lên.")
        # WhiteNoise notes the missing STATIC_ROOT (no collectstatic here): not our concern.
        warnings.filterwarnings("ignore", "No directory at")
        if generate_if_empty and not Article.objects.exists():
            self.stdout.write("Cơ sở dữ liệu trống: sinh dữ liệu cỡ đầy đủ...")
            started = time.monotonic()
            call_command("generate_bulk", **FULL_SIZE, stdout=self.stdout)
            self.stdout.write(f"generate_bulk: {time.monotonic() - started:.0f} s")
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("ANALYZE")

        self.stdout.write(
            f"{Article.objects.count()} bài viết, {Document.objects.count()} văn bản, "
            f"{Conference.objects.count()} hội nghị; {runs} lần đo mỗi truy vấn; "
            f"engine: {'run_search' if hasattr(engine, 'run_search') else 'search'}"
        )
        header = (
            f"{'kind':17} {'query':42} {'search med':>10} {'p95':>7} {'page med':>9} {'p95':>7}"
        )
        self.stdout.write(header)
        all_search, all_page = [], []
        client = Client()
        with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
            for kind, q in QUERIES:
                url = "/tim-kiem/?" + urlencode({"q": q})
                _run_query(q)  # warm the connection and the database's caches once
                client.get(url)
                search_ms, page_ms = [], []
                for _ in range(runs):
                    started = time.perf_counter()
                    _run_query(q)
                    search_ms.append((time.perf_counter() - started) * 1000)
                    started = time.perf_counter()
                    response = client.get(url)
                    page_ms.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{url}: HTTP {response.status_code}")
                all_search += search_ms
                all_page += page_ms
                self.stdout.write(
                    f"{kind:17} {q[:42]:42} {statistics.median(search_ms):>8.1f}ms "
                    f"{_p95(search_ms):>5.1f}ms {statistics.median(page_ms):>7.1f}ms "
                    f"{_p95(page_ms):>5.1f}ms"
                )
        self.stdout.write(
            f"{'overall':17} {f'{len(QUERIES)} queries':42} "
            f"{statistics.median(all_search):>8.1f}ms {_p95(all_search):>5.1f}ms "
            f"{statistics.median(all_page):>7.1f}ms {_p95(all_page):>5.1f}ms"
        )
