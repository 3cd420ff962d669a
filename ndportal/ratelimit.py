"""Per-address request limits kept in the shared cache.

One fixed-window counter per (surface, address, window): cheap, shared by every app
server through Redis, and enough to keep one address from turning password hashing or a
large export into a denial of service. Which views are limited, and how much, is set in
settings.RATE_LIMITS; RateLimitMiddleware applies it.

When the cache is down the limiter lets requests through and logs a warning (fail
open): a cache outage must not lock readers or editors out, and the sign-in lockout
(django-axes) keeps its counts in the database, so password guessing stays bounded.
"""

import ipaddress
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rate:
    """At most `limit` requests per `window` seconds from one address."""

    limit: int
    window: int

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """'10/60' means 10 requests a minute."""
        limit, _, window = text.partition("/")
        return cls(int(limit), int(window or 60))


def client_address(request) -> str | None:
    """The reader's address: REMOTE_ADDR, or the header the TLS proxy is trusted to set.

    Only the proxy may set that header (docs/deploy.md); read from a client it would let
    anyone pick their own address, so it is off unless NDPORTAL_CLIENT_IP_HEADER names it.
    Anything that is not an IP address is ignored: axes stores it in an inet column.
    """
    candidates = []
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header:
        # X-Forwarded-For lists every hop; the proxy appends the address it saw last.
        candidates.append(request.META.get(header, "").split(",")[-1].strip())
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def sign_in_name(request, credentials) -> str | None:
    """The user name as the sign-in form will use it, for the lockout count.

    The form strips spaces, so "bientap " signs in as "bientap"; counting them apart would
    give an attacker five more guesses per added space. Capped in length, like the field.
    """
    if credentials and credentials.get("username") is not None:
        name = credentials["username"]
    else:
        name = request.POST.get("username")
    if name is None:
        return None
    return str(name).strip()[:150]


def hit(scope: str, address: str, rate: Rate) -> int | None:
    """Count one request; return how many this window has seen, or None if the cache failed."""
    bucket = int(time.time() // rate.window)
    key = f"ratelimit:{scope}:{address}:{bucket}"
    try:
        if cache.add(key, 1, rate.window + 1):
            return 1
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this request opens a new window.
        cache.set(key, 1, rate.window + 1)
        return 1
    except Exception:  # any cache backend error: fail open, loudly
        logger.warning("Rate limit %s not applied: the cache is unavailable.", scope, exc_info=True)
        return None
    if count is None:  # django-redis with IGNORE_EXCEPTIONS answers None when Redis is down
        logger.warning("Rate limit %s not applied: the cache is unavailable.", scope)
    return count


def too_many_requests(request, rate: Rate):
    """The Vietnamese 429 page, with Retry-After for well-behaved clients."""
    response = TemplateResponse(
        request, "429.html", {"retry_after": rate.window}, status=429
    ).render()
    response["Retry-After"] = str(rate.window)
    return response


class RateLimitMiddleware:
    """Applies settings.RATE_LIMITS by URL name: {"admin:login": ("POST", "10/60"), ...}."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.rates = {
            name: (frozenset(methods.split(",")), Rate.parse(rate))
            for name, (methods, rate) in settings.RATE_LIMITS.items()
        }

    def __call__(self, request):
        # Resolved here rather than in process_view: this middleware sits outside the page
        # cache, so a cached page counts against the limit like a rendered one.
        try:
            name = resolve(request.path_info).view_name
        except Resolver404:
            name = ""
        limited = self.check(request, name)
        return limited or self.get_response(request)

    def check(self, request, name):
        if name not in self.rates:
            return None
        methods, rate = self.rates[name]
        if request.method not in methods:
            return None
        address = client_address(request) or "unknown"
        count = hit(name, address, rate)
        if count is not None and count > rate.limit:
            logger.warning("Rate limit %s exceeded by %s (%d requests).", name, address, count)
            return too_many_requests(request, rate)
        return None
