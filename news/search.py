"""Articles in the site search."""

from ndportal.search import register
from news.models import Article, ArticlePhoto

register(
    Article,
    name="tin-tuc",
    label="Tin tức",
    date_field="published_at",
    snippet_fields=("lead", "search_plain"),
    select_related=("category",),
    prefetch_related=("tags", "photos"),
    children=[(ArticlePhoto, "article")],
    many_to_many=["tags"],
)
