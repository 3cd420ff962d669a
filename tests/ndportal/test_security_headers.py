"""Response headers: CSP per kind of response, Permissions-Policy everywhere."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files import File
from django.http import HttpResponse
from django.test import RequestFactory

from ndportal.middleware import PortalCSPMiddleware
from resolutions.models import DocumentFile
from tests.document_files import pdf_bytes
from tests.factories import make_article, make_document

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
PUBLIC_TEMPLATES = [
    path
    for path in TEMPLATES.rglob("*.html")
    if path.relative_to(TEMPLATES).parts[0] not in {"admin", "reversion", "security"}
]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: set(part.split()[1:]) for part in policy.split(";") if part.strip()}


def assert_permissions_policy(response):
    value = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in value


@pytest.mark.parametrize("path", ["/", "/van-ban/", "/hoi-nghi/", "/tim-kiem/?q=x"])
def test_public_pages_have_a_strict_policy(client, path):
    """Public pages: scripts only from this site, never inline, never eval; no framing."""
    make_article()
    response = client.get(path)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == {"'self'"}
    assert policy["style-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}
    assert policy["frame-ancestors"] == {"'none'"}
    assert "'unsafe-inline'" not in policy["default-src"] | policy["script-src"]
    assert_permissions_policy(response)


def test_a_404_has_the_public_policy(client):
    """An error page is a page too: same strict policy and Permissions-Policy."""
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert directives(response)["script-src"] == {"'self'"}
    assert_permissions_policy(response)


def test_the_admin_has_its_compatible_policy(client):
    """The admin allows what CKEditor 4 needs inline, but nothing from other hosts."""
    client.force_login(User.objects.create_superuser("quantri", password="x"))
    response = client.get("/admin/news/article/add/")
    assert response.status_code == 200
    assert "ckeditor/ckeditor/ckeditor.js" in response.content.decode()
    policy = directives(response)
    assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["connect-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}
    assert_permissions_policy(response)


def test_a_download_keeps_its_sandbox_policy(client):
    """A file download is sandboxed: default-src 'none'; sandbox, not the page policy."""
    document = make_document()
    attachment = DocumentFile.objects.create(
        document=document, file=File(io.BytesIO(pdf_bytes()), name="nghi-quyet.pdf")
    )
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert_permissions_policy(response)


def test_media_served_by_django_is_sandboxed():
    """A file under MEDIA_URL (served by Django in debug) runs as no page of the site."""
    request = RequestFactory().get(settings.MEDIA_URL + "uploads/anh.svg")
    response = PortalCSPMiddleware(lambda request: HttpResponse("<svg/>"))(request)
    assert directives(response) == {"default-src": {"'none'"}, "sandbox": set()}


@pytest.mark.parametrize("template", PUBLIC_TEMPLATES, ids=lambda path: path.name)
def test_public_templates_have_no_inline_script_or_style(template):
    """The strict policy would block them: inline <script>, <style>, on*= and style=."""
    text = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text)
    assert "<style" not in text
    assert not re.search(r"\son[a-z]+\s*=", text)
    assert not re.search(r"\sstyle\s*=", text)
    assert "javascript:" not in text
