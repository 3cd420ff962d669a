"""Site search: one engine for the header box, the registry's keyword box and the admin.

Public API:
- `register(Model, name=..., label=..., date_field=..., ...)`: a public kind joins the search;
- `run_search(query, *, kinds=None, year=None, doc_type=None, page=1)`: a page of ranked
  hits with snippets, and the counts per kind and per year;
- `search(queryset, query)`: the rows of one queryset matching a query, best first;
- `match_condition(model, query)` / `rank_expression(model, query)`: the same as a Q and an
  ordering, to combine with other filters;
- `refresh(model, pk)` one row's stored text, `rebuild(model, queryset=None)` many rows'.

Rows store folded text (`models.py`); matching is per database (`backends.py`); snippets
are computed in Python (`snippets.py`), so both databases show the same.
"""

from ndportal.search.engine import (
    SearchResults,
    match_condition,
    rank_expression,
    rebuild,
    refresh,
    run_search,
    search,
    search_condition,
)
from ndportal.search.models import Indexed, Searchable, SearchSource, search_document
from ndportal.search.query import parse_query, query_words
from ndportal.search.registry import kinds, register

__all__ = [
    "Indexed",
    "SearchResults",
    "SearchSource",
    "Searchable",
    "kinds",
    "match_condition",
    "parse_query",
    "query_words",
    "rank_expression",
    "rebuild",
    "refresh",
    "register",
    "run_search",
    "search",
    "search_condition",
    "search_document",
]
