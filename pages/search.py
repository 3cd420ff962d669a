"""The site's pages in the site search."""

from ndportal.search import register
from pages.models import Page

register(
    Page,
    name="trang",
    label="Trang thông tin",
    date_field="published_at",
    snippet_fields=("summary", "search_plain"),
)
