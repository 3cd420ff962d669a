"""A lost database during an editor's save: a Vietnamese 503 with Retry-After, not a 500."""

import pytest
from django.contrib.auth.models import User
from django.db import InterfaceError, OperationalError

from news.admin import ArticleAdmin
from news.models import Article
from tests.admin_forms import admin_url, form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("could not connect to server: Connection refused"),
        OperationalError("server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
    ],
)
def test_a_save_while_the_database_is_down_gets_the_503_page(client, monkeypatch, error):
    """The editor is told nothing was saved and to go Back to the filled form."""
    client.force_login(User.objects.create_superuser("bientap", password="x"))
    article = make_article(status="draft", published_at=None, title="Bản cũ")
    data = form_data(client.get(admin_url(article)))
    data["title"] = "Bản đang sửa"

    def database_gone(*args, **kwargs):
        raise error

    monkeypatch.setattr(ArticleAdmin, "save_model", database_gone)
    response = client.post(admin_url(article), data)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "CHƯA được lưu" in page and "Quay lại" in page
    assert Article.objects.get(pk=article.pk).title == "Bản cũ"


def test_other_errors_are_not_dressed_up_as_an_outage(client, monkeypatch):
    """Only database connection errors become the 503; a bug stays a bug (raised)."""
    client.force_login(User.objects.create_superuser("bientap", password="x"))
    article = make_article(status="draft", published_at=None)
    data = form_data(client.get(admin_url(article)))

    def bug(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(ArticleAdmin, "save_model", bug)
    with pytest.raises(ValueError):
        client.post(admin_url(article), data)
