"""Hostile inputs: NUL characters in query strings, saves without a valid version."""

import pytest
from django.contrib.auth.models import User

from news.models import Article
from tests.admin_forms import admin_url, form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db

PUBLIC_NUL_URLS = [
    "/?x=%00",
    "/tim-kiem/?q=%00",
    "/tim-kiem/?q=ngh%E1%BB%8B%00quy%E1%BA%BFt",
    "/van-ban/?hieu_luc=%00",
    "/van-ban/?q=abc%00def",
    "/van-ban/?%00=1",
    "/van-ban/?nam=2021&nam=%00",
    "/van-ban/du-lieu.json?q=%00",
    "/van-ban/du-lieu.csv?loai=%00",
    "/hoi-nghi/?cap=%00",
    "/hoi-nghi/lich.ics?x=%00",
    "/tin-tuc/?page=%00",
    "/tin-tuc/rss.xml?a=%00",
    "/sitemap.xml?p=%00",
]
ADMIN_NUL_URLS = [
    "/admin/news/article/?status=%00",
    "/admin/news/article/?q=%00",
    "/admin/news/article/?quy-trinh=%00",
    "/admin/news/article/?o=%00",
    "/admin/news/article/?category__id__exact=%00",
    "/admin/resolutions/document/?status=%00",
    "/admin/resolutions/document/?q=01%00",
    "/admin/resolutions/conference/?status=%00",
    "/admin/news/article/?_popup=%00",
    "/admin/login/?next=%00",
]


@pytest.mark.parametrize("url", PUBLIC_NUL_URLS)
def test_nul_in_a_public_query_string_is_a_400(client, url):
    """Public pages answer a NUL with a plain Vietnamese 400, never a 500."""
    make_article()
    response = client.get(url)
    assert response.status_code == 400
    assert "ký tự NUL" in response.content.decode()


@pytest.mark.parametrize("url", ADMIN_NUL_URLS)
def test_nul_in_an_admin_query_string_is_a_400(client, url):
    """Admin lists (filters, search, ordering) answer a NUL with a 400, on both databases."""
    client.force_login(User.objects.create_superuser("quantri", password="x"))
    make_article()
    assert client.get(url).status_code == 400


def test_a_query_string_without_nul_still_works(client):
    """The guard looks for NUL only: an ordinary filter still answers 200."""
    client.force_login(User.objects.create_superuser("quantri", password="x"))
    assert client.get("/admin/news/article/?status=draft").status_code == 200


@pytest.fixture
def editing(client):
    """An editor with an article's change form open, and a newer save by someone else."""
    client.force_login(User.objects.create_superuser("bientap", password="x"))
    article = make_article(status="draft", published_at=None, title="Bản gốc")
    data = form_data(client.get(admin_url(article)))
    data["title"] = "Bản sửa cũ"
    newer = Article.objects.get(pk=article.pk)
    newer.title = "Bản mới hơn của người khác"
    newer.save()
    return client, article, data


@pytest.mark.parametrize("version", [None, "", " ", "abc", "-1", "1.5", "١٢", "9" * 40, "0x10"])
def test_a_save_without_a_valid_version_is_refused_like_a_stale_one(editing, version):
    """A missing or malformed hidden version never overwrites a newer save."""
    client, article, data = editing
    if version is None:
        del data["version"]
    else:
        data["version"] = version
    response = client.post(admin_url(article), data)
    assert response.status_code == 200
    assert "CHƯA được lưu" in response.content.decode()
    assert Article.objects.get(pk=article.pk).title == "Bản mới hơn của người khác"


def test_a_save_with_the_current_version_goes_through(client):
    """The version the page showed, still stored: the save is accepted."""
    client.force_login(User.objects.create_superuser("bientap", password="x"))
    article = make_article(status="draft", published_at=None)
    data = form_data(client.get(admin_url(article)))
    data["title"] = "Bản sửa mới"
    assert client.post(admin_url(article), data).status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Bản sửa mới"
