"""Bounded public endpoints: capped, cached exports; per-address limits with a 429 page."""

import csv
import datetime
import io
import json
import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ndportal import ratelimit
from tests.factories import make_conference, make_document

pytestmark = pytest.mark.django_db

JSON_URL = "/van-ban/du-lieu.json"
CSV_URL = "/van-ban/du-lieu.csv"


@pytest.fixture
def registry(settings):
    """Seven published documents, one draft, and a cap of three rows a page."""
    settings.EXPORT_MAX_ROWS = 3
    documents = [make_document() for _ in range(7)]
    draft = make_document(
        status="draft", published_at=None, number="99-NQ/TU", issued_on=datetime.date(2019, 1, 2)
    )
    return documents, draft


def test_json_export_is_capped_and_says_so(client, registry):
    """Page 1 holds the cap, the total and the cap are written in the body and headers."""
    response = client.get(JSON_URL)
    data = json.loads(response.content)
    assert (data["so_van_ban"], data["tong_so"], data["gioi_han"]) == (3, 7, 3)
    assert (data["trang"], data["so_trang"]) == (1, 3)
    assert data["trang_tiep"] == "http://testserver/van-ban/du-lieu.json?trang=2"
    assert response["X-Total-Count"] == "7"
    assert response["X-Export-Limit"] == "3"
    assert response["Link"] == '</van-ban/du-lieu.json?trang=2>; rel="next"'


def test_the_pages_together_hold_every_published_document_once(client, registry):
    """Following trang_tiep walks the whole registry; the draft is on no page."""
    documents, draft = registry
    numbers, url = [], JSON_URL
    while url:
        data = json.loads(client.get(url).content)
        numbers += [row["so_ky_hieu"] for row in data["van_ban"]]
        url = data["trang_tiep"]
    assert sorted(numbers) == sorted(document.number for document in documents)
    assert draft.number not in numbers


def test_csv_export_is_capped_with_the_cap_in_headers(client, registry):
    """The CSV holds one header row and the cap; the headers tell the total and the next page."""
    response = client.get(CSV_URL + "?trang=3")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 1
    assert response["X-Total-Count"] == "7"
    assert response["X-Export-Page"] == "3/3"
    assert "Link" not in response


@pytest.mark.parametrize(
    "page", ["0", "-1", "abc", "1.5", "٣", "１", "100001", "9" * 30, "", "1e3", "0x1"]
)
def test_a_bad_page_number_is_a_400(client, registry, page):
    """?trang= must be a plain page number; anything else is refused, never a 500."""
    response = client.get(JSON_URL, {"trang": page})
    assert response.status_code == 400
    assert "trang" in response.content.decode()


def test_an_export_page_is_cached_until_a_document_changes(client, registry, settings):
    """The second request is served from the export cache; a withdrawal shows at once."""
    settings.PAGE_CACHE_SECONDS = 0  # the export's own cache, not the whole-page cache
    documents, _ = registry
    first = client.get(JSON_URL)
    with CaptureQueriesContext(connection) as again:
        second = client.get(JSON_URL)
    assert second.content == first.content
    assert len(again) == 2  # the cache key: last change and published count, nothing else
    documents[0].status = "draft"
    documents[0].save()
    after = json.loads(client.get(JSON_URL).content)
    assert after["tong_so"] == 6
    assert documents[0].number not in [row["so_ky_hieu"] for row in after["van_ban"]]


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("resolutions:document-list-json", JSON_URL),
        ("resolutions:document-list-csv", CSV_URL),
        ("search", "/tim-kiem/?q=ngh%E1%BB%8B+quy%E1%BA%BFt"),
        ("resolutions:conference-feed", "/hoi-nghi/lich.ics"),
        ("resolutions:conference-ics", None),
    ],
)
def test_heavy_endpoints_are_rate_limited_per_address(client, settings, monkeypatch, name, url):
    """Past the limit one address gets the Vietnamese 429 page; another address does not."""
    # Windows are clock minutes: keep the three requests inside one of them.
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_010.0)
    if url is None:
        url = make_conference(slug="hoi-nghi-a").get_absolute_url() + "lich.ics"
    settings.RATE_LIMITS = {name: ("GET,HEAD", "2/60")}
    for _ in range(2):
        assert client.get(url, REMOTE_ADDR="203.0.113.9").status_code == 200
    refused = client.get(url, REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Quá nhiều yêu cầu" in refused.content.decode()
    assert client.get(url, REMOTE_ADDR="198.51.100.1").status_code == 200


def test_a_cache_outage_lets_requests_through_and_is_logged(client, settings, monkeypatch, caplog):
    """Fail open: with the cache down, limits are not applied, and a warning says so."""
    settings.RATE_LIMITS = {"search": ("GET,HEAD", "1/60")}

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(ratelimit.cache, "add", down)
    with caplog.at_level(logging.WARNING, logger="ndportal.ratelimit"):
        for _ in range(3):
            assert client.get("/tim-kiem/?q=a").status_code == 200
    assert "the cache is unavailable" in caplog.text


def test_an_export_cache_outage_still_serves_the_export(client, registry, monkeypatch, caplog):
    """With the cache raising, the export is built every time, and a warning says so."""

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get", down)
    with caplog.at_level(logging.WARNING, logger="resolutions.exports"):
        response = client.get(JSON_URL)
    assert json.loads(response.content)["tong_so"] == 7
    assert "Export cache unavailable" in caplog.text
