"""The public page cache: what is stored, what is never stored, and who is never served."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.test import TestCase, override_settings
from django.urls import include, path, reverse
from django.views.decorators.cache import never_cache

from ndportal.cache import bump_content_version
from tests.factories import make_article, make_staff


def plain(request):
    return HttpResponse("trang công khai")


def sets_cookie(request):
    response = HttpResponse("đặt cookie")
    response.set_cookie("chon", "1")
    return response


def with_csrf_token(request):
    return HttpResponse(f"biểu mẫu {get_token(request)}")


def with_message(request):
    messages.info(request, "Đã lưu.")
    return HttpResponse("có thông báo")


def missing(request):
    raise Http404


@never_cache
def uncacheable(request):
    return HttpResponse("không lưu")


urlpatterns = [
    path("plain/", plain),
    path("cookie/", sets_cookie),
    path("csrf/", with_csrf_token),
    path("message/", with_message),
    path("missing/", missing),
    path("never/", uncacheable),
    # The site's URLs too: the 404 page links the home page, the news and the search.
    path("", include("ndportal.urls")),
]


@override_settings(ROOT_URLCONF=__name__)
class WhatIsStoredTests(TestCase):
    def assert_not_stored(self, url):
        first = self.client.get(url)
        second = self.client.get(url)
        self.assertNotEqual(first.get("X-Page-Cache"), "hit")
        self.assertNotEqual(second.get("X-Page-Cache"), "hit")

    def test_anonymous_get_is_stored_and_served(self):
        """The second anonymous request for a page is answered from the cache."""
        self.assertEqual(self.client.get("/plain/")["X-Page-Cache"], "miss")
        response = self.client.get("/plain/")
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "trang công khai")

    def test_query_string_is_part_of_the_key(self):
        """/plain/?trang=2 is a different page from /plain/."""
        self.client.get("/plain/")
        self.assertEqual(self.client.get("/plain/?trang=2")["X-Page-Cache"], "miss")

    def test_head_is_answered_from_the_get_copy(self):
        """A HEAD after a GET is a hit; a HEAD alone stores nothing."""
        self.client.head("/plain/?h=1")
        self.assertEqual(self.client.get("/plain/?h=1")["X-Page-Cache"], "miss")
        self.assertEqual(self.client.head("/plain/?h=1")["X-Page-Cache"], "hit")

    def test_response_setting_a_cookie_is_not_stored(self):
        """A response with Set-Cookie belongs to one browser."""
        self.assert_not_stored("/cookie/")

    def test_response_with_a_csrf_token_is_not_stored(self):
        """A page holding a CSRF token is never shared, so no token is handed to another reader."""
        self.assert_not_stored("/csrf/")

    def test_response_with_a_message_is_not_stored(self):
        """A page that queued a flash message is not stored."""
        self.assert_not_stored("/message/")

    def test_not_found_is_not_stored(self):
        """Only 200 responses are stored."""
        self.assert_not_stored("/missing/")

    def test_never_cache_view_is_not_stored(self):
        """A view that says no-cache (as staff previews do) is not stored."""
        self.assert_not_stored("/never/")

    def test_post_is_never_answered_from_the_cache(self):
        """A POST goes to the view even when a GET copy exists."""
        self.client.get("/plain/")
        self.assertNotIn("X-Page-Cache", self.client.post("/plain/"))

    def test_request_with_session_cookie_bypasses_the_cache(self):
        """A request carrying a session cookie is neither served from nor stored into the cache."""
        self.client.get("/plain/")
        self.client.cookies["sessionid"] = "bat-ky"
        self.assertNotIn("X-Page-Cache", self.client.get("/plain/"))

    def test_request_with_messages_cookie_bypasses_the_cache(self):
        """A reader with a pending message gets a fresh page."""
        self.client.get("/plain/")
        self.client.cookies["messages"] = "x"
        self.assertNotIn("X-Page-Cache", self.client.get("/plain/"))

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_zero_seconds_turns_the_page_cache_off(self):
        """DJANGO_PAGE_CACHE_SECONDS=0 stores nothing."""
        self.client.get("/plain/")
        self.assertNotIn("X-Page-Cache", self.client.get("/plain/"))

    def test_a_version_bump_makes_stored_pages_unreachable(self):
        """After the content version moves, the same URL is rendered again."""
        self.client.get("/plain/")
        bump_content_version()
        self.assertEqual(self.client.get("/plain/")["X-Page-Cache"], "miss")


class StaffTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(title="Bài công khai cho mọi người")
        cls.staff = make_staff("editor")

    def test_staff_is_not_served_the_anonymous_copy(self):
        """A page cached for readers is rendered afresh for a signed-in editor."""
        url = reverse("news:article-list")
        self.client.get(url)
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
        self.client.force_login(self.staff)
        response = self.client.get(url)
        self.assertNotIn("X-Page-Cache", response)
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])

    def test_staff_page_is_not_stored_for_readers(self):
        """What an editor was shown is never what the next reader gets."""
        url = reverse("news:article-list")
        self.client.force_login(self.staff)
        self.client.get(url)
        self.client.logout()
        self.client.cookies.clear()
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "miss")

    def test_staff_preview_of_a_draft_is_private(self):
        """A preview carries no-store and is never stored."""
        draft = make_article(title="Bản nháp riêng", status="draft", published_at=None)
        self.client.force_login(self.staff)
        response = self.client.get(draft.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("no-store", response["Cache-Control"])
        self.client.logout()
        self.client.cookies.clear()
        self.assertEqual(self.client.get(draft.get_absolute_url()).status_code, 404)

    def test_public_page_says_public_with_a_shared_max_age(self):
        """Anonymous pages tell a CDN it may keep them a few seconds; browsers revalidate."""
        response = self.client.get(reverse("news:article-list"))
        cache_control = response["Cache-Control"]
        self.assertIn("public", cache_control)
        self.assertIn("max-age=0", cache_control)
        self.assertIn("s-maxage=10", cache_control)
        self.assertEqual(response["X-Accel-Expires"], "10")

    def test_staff_page_gives_nginx_nothing_to_keep(self):
        """Only stored public pages carry X-Accel-Expires, the header nginx's cache obeys."""
        self.client.force_login(self.staff)
        self.assertNotIn("X-Accel-Expires", self.client.get(reverse("news:article-list")))


class CacheOutageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(title="Bài vẫn hiện khi bộ đệm hỏng")

    @override_settings(
        CACHES={
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
                "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
            }
        }
    )
    def test_redis_outage_only_slows_the_site(self):
        """With the cache server down, pages still render (uncached) instead of failing."""
        response = self.client.get(reverse("news:article-list"))
        self.assertContains(response, "Bài vẫn hiện khi bộ đệm hỏng")
