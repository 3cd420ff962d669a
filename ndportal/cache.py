"""The site-wide content version and how long a cached public page may live.

Every cached page is stored under a key that contains one integer, `content-version`,
kept in the shared cache. Any write to a model of the public apps bumps it, so every
copy on every app server becomes unreachable at once: no list of pages to purge, and
no page can be forgotten. Scheduled items need no write to appear, so a page is never
cached past the next scheduled publication time, nor longer than PAGE_CACHE_SECONDS.
"""

import datetime
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.core.checks import Tags, Warning, register
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

VERSION_KEY = "content-version"
NEXT_PUBLICATIONS_KEY = "next-publications"
# Everything readers see is stored in these apps: items, vocabularies, photos, files,
# relations, connected sites. Users, sessions and history rows are not shown to readers.
PUBLIC_APPS = {"news", "resolutions", "pages", "targets", "feedback"}

logger = logging.getLogger(__name__)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def content_version():
    """The current version; created on first use (or after an eviction) as a fresh value."""
    cache = page_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        # A clock value, never 1: after an eviction a restarted counter would meet the
        # keys of pages cached under the old counter, with their old content.
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version():
    """Make every cached page stale, on every server sharing this cache."""
    cache = page_cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted): a fresh one is just as new
        content_version()


def remember_publication_times():
    """Store the coming publication times, so that no page outlives the next one.

    Run after a write commits (one query), never while serving a page: page_timeout()
    reads only the cache and, when the times are unknown, falls back to the cap.
    """
    from news.models import Article
    from pages.models import Page
    from resolutions.models import Conference, Document

    article, document, conference, page = (
        model.objects.scheduled().order_by().values_list("published_at", flat=True)
        for model in (Article, Document, Conference, Page)
    )
    times = list(article.union(document, conference, page).order_by("published_at")[:50])
    page_cache().set(NEXT_PUBLICATIONS_KEY, times, timeout=None)


def seconds_to_midnight(now=None):
    """Seconds until the next local midnight (Asia/Ho_Chi_Minh): the header's date changes then."""
    now = timezone.localtime(now)
    tomorrow = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, int((tomorrow - now).total_seconds()))


def page_timeout(cap=None):
    """Seconds a page (or a fragment, up to `cap`) rendered now may be served from the cache.

    Never past the next scheduled publication, nor past local midnight: every page shows
    the day's date in its header, so a copy cached at 23:59 must not say yesterday's date.
    """
    timeout = settings.PAGE_CACHE_SECONDS if cap is None else cap
    now = timezone.now()
    coming = [due for due in page_cache().get(NEXT_PUBLICATIONS_KEY) or [] if due > now]
    if coming:
        timeout = min(timeout, int((coming[0] - now).total_seconds()))
    return min(timeout, seconds_to_midnight(now))


def cached_fragment(name, read, *, seconds):
    """`read()`'s value, kept under the content version for up to `seconds` (fail open).

    For the parts of every page (footer, main navigation) that would otherwise cost
    queries on each page rendered: a write to any public model bumps the version, so the
    value is never older than the content. Values must be plain data (no model
    instances): the cache may outlive a change of the model.
    """
    try:
        key = f"{name}-{content_version()}"
        value = page_cache().get(key)
    except Exception:  # any cache backend error: read afresh
        logger.warning("Cache unavailable: %s read from the database.", name, exc_info=True)
        return read()
    if value is None:
        value = read()
        try:
            page_cache().set(key, value, timeout=page_timeout(cap=seconds))
        except Exception:
            logger.warning("Cache unavailable: %s not stored.", name, exc_info=True)
    return value


def content_written():
    bump_content_version()
    remember_publication_times()


def content_changed(sender, **kwargs):
    """Receiver for post_save, post_delete and m2m_changed of every public model."""
    if sender._meta.app_label not in PUBLIC_APPS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):  # m2m_changed is sent twice
        return
    # Now, so that this process sees its own write at once; and again on commit, so
    # that no server can have cached the old rows under the new version meanwhile.
    bump_content_version()
    connection = transaction.get_connection(kwargs.get("using"))
    # Once per transaction, however many rows it writes (an import writes thousands).
    if not any(entry[1] is content_written for entry in connection.run_on_commit):
        transaction.on_commit(content_written, using=kwargs.get("using"))


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"ndportal-content-changed-{id(signal)}")


@register(Tags.caches, deploy=True)
def check_shared_page_cache(app_configs, **kwargs):
    """Several processes need one shared cache, or a write is seen only in its own process."""
    backend = settings.CACHES[settings.PAGE_CACHE_ALIAS]["BACKEND"]
    if settings.PAGE_CACHE_SECONDS and backend.endswith("LocMemCache"):
        return [
            Warning(
                "The page cache is in each process's memory: with several workers or "
                "servers a publication is seen elsewhere only after "
                f"{settings.PAGE_CACHE_SECONDS} s.",
                hint="Set REDIS_URL (shared by every app server), or DJANGO_PAGE_CACHE_SECONDS=0.",
                id="ndportal.W001",
            )
        ]
    return []
