"""The site search: find, rank, count, page and quote published items of every kind.

Ranking, best first: the boosts of a kind (for documents: the exact number typed, then
the serial with its type), then items whose title holds every term, then title or
summary, then the rest (body, full text, file text); newer first among equals. Counts
per kind and per year come from one grouped query per kind; the page itself is one
UNION query of (kind, id, rank, date) rows and one query per kind shown.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    DateTimeField,
    F,
    IntegerField,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast, ExtractYear

from ndportal.search import registry
from ndportal.search.backends import backend
from ndportal.search.models import SEARCH_COLUMNS, Searchable, search_document
from ndportal.search.query import ParsedQuery, Term, parse_query
from ndportal.search.snippets import matcher, snippet

PER_PAGE = 20
# Boosts take 0, 1...; then, for a query of several words, the words side by side rank
# above the same words apart ("tinh uy": "Tỉnh ủy" before "tình hình ... cấp ủy"). The
# body is not ranked further: that would read every match's large body vector.
TITLE_PHRASE, TITLE_RANK, SUMMARY_PHRASE, SUMMARY_RANK, BODY_RANK = range(10, 15)


@dataclass
class Hit:
    """One result: what it is, its date, its title, its snippet (escaped, marked), its link."""

    kind: registry.SearchKind
    obj: object
    title: str
    snippet: str
    date: object
    url: str


@dataclass
class SearchResults:
    query: str
    page: object  # a Paginator page of Hit
    total: int = 0
    kind_counts: list = field(default_factory=list)  # [(SearchKind, count)]
    year_counts: list = field(default_factory=list)  # [(year, count)], newest first

    @property
    def all_kinds_total(self):
        """How many results every kind together has, whatever kind is chosen."""
        return sum(count for _, count in self.kind_counts)

    @property
    def hits(self):
        return list(self.page.object_list) if self.page else []


def match_condition(model, query):
    """The Q of rows of `model` holding every term of `query`, or None without terms."""
    parsed = parse_query(query) if isinstance(query, str) else query
    if not parsed:
        return None
    kind = registry.kind_for(model)
    if kind is None and issubclass(model, Searchable):
        return _lookup_condition(parsed)
    condition = backend().condition(model, parsed)
    alternative = kind.alternative(parsed) if kind and kind.alternative else None
    return condition | alternative if alternative else condition


def rank_expression(model, query):
    """An integer per row, lower is better: boosts, then title, summary, body matches."""
    parsed = parse_query(query) if isinstance(query, str) else query
    kind = registry.kind_for(model)
    whens = []
    if kind and kind.boosts:
        whens += [When(c, then=Value(rank)) for rank, c in enumerate(kind.boosts(parsed))]
    engine = backend()
    together = _side_by_side(parsed)
    for weights, phrase_rank, rank in [
        ("A", TITLE_PHRASE, TITLE_RANK),
        ("AB", SUMMARY_PHRASE, SUMMARY_RANK),
    ]:
        if together:
            whens.append(When(engine.condition(model, together, weights), then=Value(phrase_rank)))
        whens.append(When(engine.condition(model, parsed, weights), then=Value(rank)))
    return Case(*whens, default=Value(BODY_RANK), output_field=IntegerField())


def _side_by_side(parsed):
    """The query's separate words as one phrase, or None when there is nothing to join."""
    if len(parsed.terms) < 2 or any(len(term.words) > 1 for term in parsed.terms):
        return None
    words = tuple(term.words[0] for term in parsed.terms)
    return ParsedQuery((Term(words, prefix=parsed.terms[-1].prefix),), parsed.key, parsed.text)


def search(queryset, query):
    """Rows of `queryset` matching `query`, best first; none when the query has no word."""
    condition = match_condition(queryset.model, query)
    if condition is None:
        return queryset.none()
    found = queryset.filter(condition)
    if registry.kind_for(queryset.model) is None:
        return found
    kind = registry.kind_for(queryset.model)
    return found.alias(search_rank=rank_expression(queryset.model, query)).order_by(
        "search_rank", f"-{kind.date_field}", "-pk"
    )


def run_search(query, *, kinds=None, year=None, doc_type=None, page=1, per_page=PER_PAGE):
    """Search every registered kind for `query`: the page of hits asked for, and the counts.

    `kinds` limits the hits to some kind names (registry names such as "van-ban"),
    `year` to one year of each kind's date, `doc_type` (a DocumentType or its pk) to
    documents of that type. Counts per kind ignore `kinds`; counts per year ignore `year`.
    """
    parsed = parse_query(query)
    if not parsed:
        return SearchResults(query=query, page=Paginator([], per_page).get_page(1))
    wanted = set(kinds or ())
    branches, kind_counts, years = [], [], defaultdict(int)
    for kind in registry.kinds():
        base = kind.queryset()
        if doc_type is not None:
            if kind.type_field is None:
                continue
            base = base.filter(**{kind.type_field: doc_type})
        match = match_condition(kind.model, parsed)
        found = base.filter(match)
        per_year = dict(
            found.annotate(search_year=ExtractYear(kind.date_field))
            .order_by()
            .values_list("search_year")
            .annotate(n=Count("pk"))
        )
        shown = not wanted or kind.name in wanted
        count = per_year.get(year, 0) if year else sum(per_year.values())
        kind_counts.append((kind, count))
        if not shown:
            continue
        for found_year, n in per_year.items():
            years[found_year] += n
        if not count:
            continue
        if year:
            base = base.filter(**{f"{kind.date_field}__year": year})
        head = head_condition(kind, parsed, match)
        branch = _Branch(kind, base, match, head, base.filter(head).order_by().count())
        branches.append(branch)
    total = sum(n for kind, n in kind_counts if not wanted or kind.name in wanted)
    ranked = _RankedRows(parsed, branches, total)
    page_obj = Paginator(ranked, per_page).get_page(page)
    page_obj.object_list = _hits(parsed, list(page_obj.object_list))
    return SearchResults(
        query=query,
        page=page_obj,
        total=total,
        kind_counts=kind_counts,
        year_counts=sorted(years.items(), reverse=True),
    )


@dataclass
class _Branch:
    kind: registry.SearchKind
    base: object  # the kind's published rows, filtered by year and type
    match: Q  # the rows holding every term
    head: Q  # those matching in title or summary, or by a boost
    head_count: int


class _RankedRows:
    """What the Paginator pages: (pk, kind, rank, date) rows of every kind, best first.

    Two streams, so a word found in 50,000 bodies never ranks 50,000 rows: the rows
    matching in a title or summary (or by a boost), few and ranked; then the rest, which
    all share the last rank, by date alone (each kind read newest first, stopping at the
    page's end). Both streams are counted beforehand, so any page is two bounded queries.
    """

    def __init__(self, parsed, branches, total):
        self.parsed, self.branches, self.total = parsed, branches, total
        self.head_total = sum(branch.head_count for branch in branches)

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        start, stop = item.start or 0, min(item.stop, self.total)
        rows = []
        if start < self.head_total:
            rows += self._head()[start : min(stop, self.head_total)]
        if stop > self.head_total:
            rows += self._rest(stop - self.head_total)[max(0, start - self.head_total) :]
        return rows

    def _head(self):
        rows = [
            self._columns(
                b, b.base.order_by().filter(b.head), rank_expression(b.kind.model, self.parsed)
            )
            for b in self.branches
            if b.head_count
        ]
        return self._union(rows, ("search_rank", "-search_date", "search_kind", "-search_pk"))

    def _rest(self, stop):
        limited = connection.features.supports_slicing_ordering_in_compound
        rows = []
        for b in self.branches:
            rest = b.base.filter(b.match).exclude(b.head)
            if limited:
                # Newest first on the date's own index, at most as many rows as the page needs.
                rest = rest.order_by(f"-{b.kind.date_field}", "-pk")[:stop]
            rows.append(self._columns(b, rest, Value(BODY_RANK)))
        union = self._union(rows, ("-search_date", "search_kind", "-search_pk"))
        return union[:stop] if union is not None else []

    @staticmethod
    def _columns(branch, queryset, rank):
        # Every column an annotation, in one order, so the branches line up in the UNION.
        if not connection.features.supports_slicing_ordering_in_compound:
            queryset = queryset.order_by()
        return queryset.annotate(
            search_pk=F("pk"),
            search_kind=Value(branch.kind.name, output_field=CharField()),
            search_rank=rank,
            search_date=Cast(branch.kind.date_field, DateTimeField()),
        ).values_list("search_pk", "search_kind", "search_rank", "search_date")

    @staticmethod
    def _union(rows, ordering):
        if not rows:
            return None
        if len(rows) == 1:
            # A branch already cut to the page's end is already in date order.
            return rows[0] if rows[0].query.is_sliced else rows[0].order_by(*ordering)
        return rows[0].union(*rows[1:], all=True).order_by(*ordering)


def head_condition(kind, parsed, match):
    """Rows of `kind` holding every term in their title or summary, or matching with a boost.

    A title or summary match is a match, so only the boosts need `match`: the large body
    vector is then never read for the rows that are ranked.
    """
    condition = backend().condition(kind.model, parsed, "AB")
    boosts = kind.boosts(parsed) if kind.boosts else []
    if boosts:
        either = Q()
        for boost in boosts:
            either |= boost
        condition |= either & match
    return condition


def _hits(parsed, rows):
    by_kind = defaultdict(list)
    for pk, kind_name, _rank, _date in rows:
        by_kind[kind_name].append(pk)
    objects = {}
    for kind_name, pks in by_kind.items():
        kind = next(k for k in registry.kinds() if k.name == kind_name)
        queryset = kind.queryset().select_related(*kind.select_related)
        for obj in queryset.filter(pk__in=pks).defer(
            "search_title", "search_summary", "search_body"
        ):
            objects[kind_name, obj.pk] = (kind, obj)
    pattern = matcher(parsed)
    hits = []
    for pk, kind_name, _rank, _date in rows:
        if (kind_name, pk) not in objects:
            continue  # unpublished between the two queries
        kind, obj = objects[kind_name, pk]
        texts = [getattr(obj, name) for name in kind.snippet_fields]
        hits.append(
            Hit(
                kind=kind,
                obj=obj,
                title=kind.heading_of(obj),
                snippet=snippet(texts, parsed, pattern),
                date=kind.date_of(obj),
                url=obj.get_absolute_url(),
            )
        )
    return hits


def search_condition(query):
    """The Q of lookup rows (`Searchable.search_text`) holding every term; None without terms."""
    parsed = parse_query(query)
    return _lookup_condition(parsed) if parsed else None


def _lookup_condition(parsed):
    condition = Q()
    for term in parsed.terms:
        needle = " " + " ".join(term.words) + ("" if term.prefix else " ")
        condition &= Q(search_text__contains=needle)
    return condition


def refresh(model, pk):
    """Recompute one item's search columns from the database (after a related row changed)."""
    kind = registry.kind_for(model)
    queryset = model._base_manager.filter(pk=pk)
    if kind:
        queryset = queryset.select_related(*kind.select_related).prefetch_related(
            *kind.prefetch_related
        )
    obj = queryset.first()
    if obj is not None:
        model._base_manager.filter(pk=pk).update(**obj.search_source().columns())


def rebuild(model, queryset=None, *, batch_size=500):
    """Recompute the search columns of `model`'s rows (all, or `queryset`) in bulk.

    For bulk loads: create rows with bulk_create (columns filled by `fill_search_columns`
    or left empty), add their relations, then call this once. Rows are written with
    bulk_update, so versions and modification times stay as they are. Returns
    (changed, total).
    """
    kind = registry.kind_for(model)
    queryset = model._base_manager.all() if queryset is None else queryset
    if kind is None:
        return _rebuild_lookups(model, queryset)
    rows = (
        queryset.select_related(*kind.select_related)
        .prefetch_related(*kind.prefetch_related)
        .order_by("pk")
    )
    changed, total, batch = 0, 0, []
    with transaction.atomic():
        for obj in rows.iterator(chunk_size=batch_size):
            total += 1
            columns = obj.search_source().columns()
            if any(getattr(obj, name) != value for name, value in columns.items()):
                for name, value in columns.items():
                    setattr(obj, name, value)
                batch.append(obj)
            if len(batch) >= batch_size:
                changed += _write(model, batch)
        changed += _write(model, batch)
    return changed, total


def _write(model, batch):
    count = len(batch)
    if batch:
        model._base_manager.bulk_update(batch, SEARCH_COLUMNS)
        batch.clear()
    return count


def _rebuild_lookups(model, queryset):
    related = [f.name for f in model._meta.concrete_fields if f.many_to_one]
    changed = total = 0
    with transaction.atomic():
        for obj in queryset.select_related(*related).order_by("pk").iterator(chunk_size=500):
            total += 1
            text = search_document(obj.search_source())
            if text != obj.search_text:
                model._base_manager.filter(pk=obj.pk).update(search_text=text)
                changed += 1
    return changed, total
