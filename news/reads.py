"""How often each article is read, for the "Đọc nhiều" box, without a write per request.

A read is counted in the shared cache (`incr`, no database), by a middleware that sits
outside the page cache, so a page served from the cache is counted too. Every
READS_FLUSH_SECONDS the counts gathered so far are added to `ArticleReads` (one row per
article and day) in one batch, by the first counted read after the interval (three
queries, once per interval and process, not per request), or by `manage.py flush_reads`
from cron. Not by the background worker: without Redis the cache is each process's own
memory, which another process cannot read.

What is counted: a GET that answered 200 at an article's address, from a reader with no
session (staff previews are not reads) and a User-Agent that is not a robot. The
address holds the slug; only slugs of published articles are kept at flush time, so a
draft, an unknown address or a withdrawn article never gains a count.

The slugs of one batch are listed with numbered slots (`incr` gives each new slug its
own slot), because the cache offers no way to list its keys. The flush first moves the
readers to a new batch, then reads the old one; a read that lands in the old batch
between those two steps (microseconds) may be lost, as may counts evicted from the
cache before their flush. The box shows an order, not an audit.
"""

import datetime
import logging
import re

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.urls import Resolver404, resolve
from django.utils import timezone

from ndportal.cache import cached_fragment, page_cache

BATCH_KEY = "reads-batch"
DUE_KEY = "reads-flush-due"
# A batch's keys outlive any sane flush interval, then go by themselves.
BATCH_SECONDS = 7 * 24 * 3600
ROBOT = re.compile(
    r"bot|crawl|spider|slurp|scrapy|curl|wget|python-|httpclient|facebookexternalhit|preview", re.I
)
MOST_READ_DAYS = 7
MOST_READ_SECONDS = 300

logger = logging.getLogger(__name__)


def is_robot(user_agent):
    """No User-Agent, or one that names a robot, a crawler, a spider or a script."""
    return not user_agent or bool(ROBOT.search(user_agent))


def current_batch(cache):
    batch = cache.get(BATCH_KEY)
    if batch is None:
        cache.add(BATCH_KEY, 1, timeout=None)
        batch = cache.get(BATCH_KEY)
    return batch


def record_read(slug):
    """One more read of the article at `slug`, in the cache only."""
    cache = page_cache()
    batch = current_batch(cache)
    key = f"reads:{batch}:{slug}"
    if cache.add(key, 1, timeout=BATCH_SECONDS):
        # The first read of this slug in the batch: give it a slot, so the flush finds it.
        slots = f"reads-slots:{batch}"
        cache.add(slots, 0, timeout=BATCH_SECONDS)
        cache.set(f"reads-slot:{batch}:{cache.incr(slots)}", slug, timeout=BATCH_SECONDS)
    else:
        try:
            cache.incr(key)
        except ValueError:  # evicted since add(): this read starts it again
            cache.add(key, 1, timeout=BATCH_SECONDS)


def take_batch():
    """{slug: reads} of the batch being filled, which is then closed and emptied."""
    cache = page_cache()
    batch = current_batch(cache)
    cache.incr(BATCH_KEY)  # readers count into the next batch from now on
    slots_key = f"reads-slots:{batch}"
    slot_keys = [f"reads-slot:{batch}:{n}" for n in range(1, (cache.get(slots_key) or 0) + 1)]
    slugs = [slug for slug in cache.get_many(slot_keys).values() if slug]
    count_keys = {f"reads:{batch}:{slug}": slug for slug in slugs}
    counts = {count_keys[key]: value for key, value in cache.get_many(count_keys).items() if value}
    cache.delete_many([slots_key, *slot_keys, *count_keys])
    return counts


def flush_reads():
    """Add the cached counts to today's rows; returns the number of reads stored."""
    from news.models import Article, ArticleReads

    counts = take_batch()
    if not counts:
        return 0
    day = timezone.localdate()
    # Only published articles: a draft's address answers 404 and is never counted, but an
    # article withdrawn since its reads were counted loses them here.
    ids = dict(Article.objects.published().filter(slug__in=counts).values_list("slug", "pk"))
    reads = {ids[slug]: count for slug, count in counts.items() if slug in ids}
    with transaction.atomic():
        existing = {
            row.article_id: row
            for row in ArticleReads.objects.select_for_update().filter(day=day, article__in=reads)
        }
        for article_id, row in existing.items():
            row.count += reads[article_id]
        ArticleReads.objects.bulk_update(existing.values(), ["count"])
        ArticleReads.objects.bulk_create(
            ArticleReads(article_id=article_id, day=day, count=count)
            for article_id, count in reads.items()
            if article_id not in existing
        )
    return sum(reads.values())


def read_most_read():
    from news.models import Article

    since = timezone.localdate() - datetime.timedelta(days=MOST_READ_DAYS - 1)
    articles = (
        Article.objects.published()
        .filter(reads__day__gte=since)
        .annotate(week_reads=Sum("reads__count"))
        .order_by("-week_reads", "-published_at")
        .select_related("category")
        .only("title", "slug", "published_at", "category__slug", "category__name")[:5]
    )
    return [(article.title, article.get_absolute_url(), article.week_reads) for article in articles]


def most_read():
    """[(title, url, reads)] of the five published articles most read in the last 7 days."""
    return cached_fragment(
        f"most-read-{timezone.localdate():%Y%m%d}", read_most_read, seconds=MOST_READ_SECONDS
    )


class ReadCountMiddleware:
    """Counts article reads; outside the page cache, so that cached pages count too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code == 200
            and request.path_info.startswith("/tin-tuc/")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not is_robot(request.META.get("HTTP_USER_AGENT", ""))
        ):
            try:
                self.count(request)
            except Exception:  # counting must never cost a reader the page
                logger.warning("Read not counted.", exc_info=True)
        return response

    def count(self, request):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return
        if match.view_name != "news:article-detail":
            return
        record_read(match.kwargs["slug"])
        if page_cache().add(DUE_KEY, 1, timeout=settings.READS_FLUSH_SECONDS):
            flush_reads()
