"""The site's own pages: addresses, publication, footer links, search, sitemap, roles, history."""

import datetime

import pytest
import reversion
from django.core.exceptions import ValidationError
from django.urls import resolve
from django.utils import timezone

from ndportal.publishing import Status
from pages.models import Page
from tests.factories import make_page, make_staff

pytestmark = pytest.mark.django_db


def test_a_published_page_answers_at_its_slug_in_the_layout(client):
    """/gioi-thieu/ shows the page's title and text, with the header's search."""
    make_page()
    response = client.get("/gioi-thieu/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1" in page and "Giới thiệu" in page
    assert "Cổng thông tin Nghị quyết của Tỉnh ủy." in page
    assert 'role="search"' in page


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": Status.DRAFT, "published_at": None},
        {"status": Status.REVIEW, "published_at": None},
        {"status": Status.ARCHIVED},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
    ],
)
def test_an_unpublished_page_is_a_404_for_readers(client, overrides):
    """Drafts, pages awaiting review, archived and scheduled pages are not shown."""
    make_page(**overrides)
    response = client.get("/gioi-thieu/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_staff_preview_an_unpublished_page(client):
    """An editor sees a draft with the preview banner, never cached."""
    make_page(status=Status.DRAFT, published_at=None)
    client.force_login(make_staff("editor"))
    response = client.get("/gioi-thieu/")
    assert response.status_code == 200
    assert "Bản xem trước" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_slug_is_the_vietnamese_404(client):
    """/khong-co/ matches the catch-all but no page: 404 in the layout."""
    response = client.get("/khong-co/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_pages_never_shadow_the_sections():
    """The catch-all comes last: section addresses still reach their own views."""
    assert resolve("/tin-tuc/").view_name == "news:article-list"
    assert resolve("/van-ban/").view_name == "resolutions:document-list"
    assert resolve("/tim-kiem/").view_name == "search"
    assert resolve("/gioi-thieu/").view_name == "pages:page"


@pytest.mark.parametrize("slug", ["tin-tuc", "van-ban", "hoi-nghi", "tim-kiem", "admin"])
def test_a_slug_the_site_already_answers_is_refused(slug):
    """A page at /van-ban/ would never be shown: the model refuses the address."""
    page = Page(title="Trang", slug=slug, body="<p>x</p>")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict


def test_a_published_pages_slug_is_frozen():
    """Once published its address is public: changing the slug is refused."""
    page = make_page()
    page.slug = "gioi-thieu-moi"
    with pytest.raises(ValidationError):
        page.full_clean()


def test_the_body_is_sanitised():
    """Same rich-text rules as articles: script and event handlers are removed on save."""
    page = make_page(body='<p onclick="x()">Nội dung</p><script>alert(1)</script>')
    page.refresh_from_db()
    assert "<script" not in page.body and "onclick" not in page.body
    assert "Nội dung" in page.body


def test_the_footer_links_the_chosen_published_pages_in_order(client):
    """Only published pages marked for the footer appear, ordered by their order field."""
    make_page(title="Liên hệ", slug="lien-he", order=2)
    make_page(title="Giới thiệu", slug="gioi-thieu", order=1)
    make_page(title="Trang ẩn", slug="trang-an", show_in_footer=False)
    make_page(title="Bản nháp", slug="ban-nhap", status=Status.DRAFT, published_at=None)
    footer = client.get("/tin-tuc/").content.decode().split('class="site-footer"')[1]
    assert 'href="/gioi-thieu/"' in footer and 'href="/lien-he/"' in footer
    assert footer.index("/gioi-thieu/") < footer.index("/lien-he/")
    assert "Trang ẩn" not in footer and "Bản nháp" not in footer


def test_a_page_change_shows_at_once_on_cached_pages(client):
    """Editing a page bumps the content version: cached pages and the footer show the change."""
    page = make_page()
    assert "Giới thiệu" in client.get("/tin-tuc/").content.decode()
    page.title = "Giới thiệu chung"
    page.save()
    assert "Giới thiệu chung" in client.get("/tin-tuc/").content.decode()
    assert "Giới thiệu chung" in client.get("/gioi-thieu/").content.decode()


def test_the_site_search_finds_published_pages_only(client):
    """Search lists a published page under its kind; a draft page is never found."""
    make_page(body="<p>Quy chế hoạt động của ban biên tập.</p>")
    make_page(
        title="Nháp",
        slug="nhap",
        body="<p>Quy chế bí mật.</p>",
        status=Status.DRAFT,
        published_at=None,
    )
    page = client.get("/tim-kiem/", {"q": "quy chế"}).content.decode()
    assert 'href="/gioi-thieu/"' in page
    assert 'href="/nhap/"' not in page


def test_the_sitemap_lists_published_pages_only(client):
    """The pages section of the sitemap has published pages and no draft."""
    make_page()
    make_page(title="Nháp", slug="nhap", status=Status.DRAFT, published_at=None)
    xml = client.get("/sitemap-pages.xml").content.decode()
    assert "/gioi-thieu/</loc>" in xml
    assert "/nhap/" not in xml


def test_editors_and_approvers_get_the_same_rights_as_on_articles():
    """Editors add and change pages but do not publish; approvers publish."""
    editor, approver = make_staff("editor"), make_staff("approver")
    assert editor.has_perm("pages.change_page") and editor.has_perm("pages.add_page")
    assert not editor.has_perm("pages.publish_page")
    assert approver.has_perm("pages.publish_page")
    assert editor.has_perm("news.change_article") == editor.has_perm("pages.change_page")


def test_pages_keep_a_history():
    """Pages are registered with django-reversion, like articles."""
    assert reversion.is_registered(Page)
