"""The site search: find, rank, count, page and quote published items of every kind.

Ranking, best first: the boosts of a kind (for documents: the exact number typed, then
the serial with its type), then items whose title holds every term, then title or
summary, then the rest (body, full text, file text); newer first among equals.

Counts stop at COUNT_LIMIT per kind: a word found in most of 100,000 bodies would
otherwise read every one of those rows for its counts, so past the limit a kind reads
"hơn 1.000" and its results end there. Below it every count is exact. The counts of a
query are cached under the content version (`ndportal.cache`), so the pages of one query
count once. The page itself is one UNION query of (kind, id, rank, date) rows and one
query per kind shown.
"""

import hashlib
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import (
    Case,
    CharField,
    DateTimeField,
    F,
    IntegerField,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast, ExtractYear

from ndportal.cache import bump_content_version, content_version, page_cache, page_timeout
from ndportal.search import registry
from ndportal.search.backends import backend
from ndportal.search.models import SEARCH_COLUMNS, Searchable, search_document
from ndportal.search.query import ParsedQuery, Term, parse_query
from ndportal.search.snippets import matcher, snippet

logger = logging.getLogger(__name__)

PER_PAGE = 20
# Matches counted, and so shown, per kind at most; enough for 50 pages of 20.
COUNT_LIMIT = 1000
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
    # [(year, count)], newest first; count None when a kind shown has more than the limit.
    year_counts: list = field(default_factory=list)
    capped_kinds: frozenset = frozenset()  # names of the kinds counted only up to the limit
    capped: bool = False  # whether `total` stopped at the limit for a kind shown

    @property
    def all_kinds_total(self):
        """How many results every kind together has, whatever kind is chosen."""
        return sum(count for _, count in self.kind_counts)

    @property
    def all_kinds_capped(self):
        return bool(self.capped_kinds)

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
    counts = _cached_counts(parsed, year=year, doc_type=doc_type)
    branches, kind_counts, years, capped_kinds = [], [], Counter(), set()
    years_known = True
    for kind in registry.kinds():
        if kind.name not in counts:
            continue  # not of the document type asked for
        count = counts[kind.name]
        kind_counts.append((kind, count.shown))
        if count.capped:
            capped_kinds.add(kind.name)
        if wanted and kind.name not in wanted:
            continue
        years.update(count.years)
        years_known = years_known and not count.years_capped
        if not count.shown:
            continue
        base = _base(kind, doc_type)
        if year:
            base = base.filter(**{f"{kind.date_field}__year": year})
        match = match_condition(kind.model, parsed)
        head = head_condition(kind, parsed, match)
        branches.append(_Branch(kind, base, match, head, count.head, count.shown))
    shown_kinds = [kind for kind, _ in kind_counts if not wanted or kind.name in wanted]
    total = sum(n for kind, n in kind_counts if kind in shown_kinds)
    ranked = _RankedRows(parsed, branches, total)
    page_obj = Paginator(ranked, per_page).get_page(page)
    page_obj.object_list = _hits(parsed, list(page_obj.object_list))
    return SearchResults(
        query=query,
        page=page_obj,
        total=total,
        kind_counts=kind_counts,
        year_counts=sorted(
            ((found_year, n if years_known else None) for found_year, n in years.items()),
            reverse=True,
        ),
        capped_kinds=frozenset(capped_kinds),
        capped=any(kind.name in capped_kinds for kind in shown_kinds),
    )


def _base(kind, doc_type):
    base = kind.queryset()
    if doc_type is not None:
        base = base.filter(**{kind.type_field: doc_type})
    return base


@dataclass(frozen=True)
class _KindCount:
    """What one kind counts for a query: all shown at most COUNT_LIMIT, per year, head."""

    shown: int  # matches in the year asked for (or all years), at most COUNT_LIMIT
    capped: bool  # more matches than `shown`
    years: dict  # {year: matches}; when `years_capped`, only the years seen in the sample
    years_capped: bool
    head: int  # of `shown`, those matching in title or summary or by a boost


def _cached_counts(parsed, *, year, doc_type):
    """{kind name: _KindCount} of every kind the query can find, from the cache if counted.

    The key holds the content version, so any write makes every cached count stale, and
    the entry lives no longer than a page would (not past the next scheduled publication).
    """
    doc_type_pk = getattr(doc_type, "pk", doc_type)
    what = repr((parsed.terms, year, doc_type_pk, COUNT_LIMIT)).encode()
    cache, key = page_cache(), None
    try:
        key = f"search-counts:{content_version()}:{hashlib.sha256(what).hexdigest()}"
        counts = cache.get(key)
    except Exception:  # any cache backend error: count afresh, as the page cache does
        logger.warning("search counts: cache unavailable", exc_info=True)
        counts = None
    if counts is None:
        counts = {
            kind.name: _count(kind, parsed, year=year, doc_type=doc_type)
            for kind in registry.kinds()
            if doc_type is None or kind.type_field is not None
        }
        try:
            timeout = page_timeout() if key else 0
            if timeout > 0:
                cache.set(key, counts, timeout)
        except Exception:
            logger.warning("search counts: cache unavailable", exc_info=True)
    return counts


def _count(kind, parsed, *, year, doc_type):
    """One kind's counts, reading at most COUNT_LIMIT + 1 matching rows per query.

    The years of the first COUNT_LIMIT + 1 matches give the counts per year when there
    are no more, and a count of them all; past the limit, the years seen only list years.
    """
    base = _base(kind, doc_type)
    match = match_condition(kind.model, parsed)
    found = base.filter(match).order_by()
    sample = list(
        found.annotate(search_year=ExtractYear(kind.date_field)).values_list(
            "search_year", flat=True
        )[: COUNT_LIMIT + 1]
    )
    years_capped = len(sample) > COUNT_LIMIT
    years = Counter(sample[:COUNT_LIMIT])
    if year and years_capped:
        found = found.filter(**{f"{kind.date_field}__year": year})
        matches = found.values("pk")[: COUNT_LIMIT + 1].count()
    else:
        matches = years.get(year, 0) if year else len(sample)
    shown = min(matches, COUNT_LIMIT)
    head = 0
    if shown:
        if year:
            base = base.filter(**{f"{kind.date_field}__year": year})
        heads = base.filter(head_condition(kind, parsed, match)).order_by()
        head = min(heads.values("pk")[: COUNT_LIMIT + 1].count(), shown)
    return _KindCount(
        shown=shown,
        capped=matches > COUNT_LIMIT,
        years=dict(years),
        years_capped=years_capped,
        head=head,
    )


HEAD_ORDER = ("search_rank", "-search_date", "search_kind", "-search_pk")


def _head_order(row):
    """HEAD_ORDER in Python, for rows of (pk, kind, rank, date)."""
    pk, kind_name, rank, date = row
    return rank, -date.timestamp(), kind_name, -pk


@dataclass
class _Branch:
    kind: registry.SearchKind
    base: object  # the kind's published rows, filtered by year and type
    match: Q  # the rows holding every term
    head: Q  # those matching in title or summary, or by a boost
    head_count: int
    count: int  # every match shown, head included (at most COUNT_LIMIT)


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
            rows += self._head(min(stop, self.head_total))[start:]
        if stop > self.head_total:
            rows += self._rest(stop - self.head_total)[max(0, start - self.head_total) :]
        return rows

    def _head(self, stop):
        """The first `stop` ranked rows of the title and summary matches of every kind."""
        ranked, capped = [], []
        for b in (b for b in self.branches if b.head_count):
            rank = rank_expression(b.kind.model, self.parsed)
            head = self._columns(b, b.base.order_by().filter(b.head), rank)
            if b.head_count >= COUNT_LIMIT:
                # Past the limit, the newest matches are ranked, in Python: walking the
                # date's index reads that many rows, where ranking all would read each one.
                newest = head.order_by(f"-{b.kind.date_field}", "-pk")[:COUNT_LIMIT]
                capped += list(newest)
            else:
                ranked.append(head)
        rows = list(self._union(ranked, HEAD_ORDER)[:stop]) if ranked else []
        if capped:
            rows = sorted(rows + capped, key=_head_order)[:stop]
        return rows

    def _rest(self, stop):
        limited = connection.features.supports_slicing_ordering_in_compound
        rows = []
        for b in self.branches:
            if b.count <= b.head_count:
                continue
            rest = b.base.filter(b.match).exclude(b.head)
            if limited:
                # Newest first on the date's own index, at most as many rows as the page
                # needs, and never past the kind's count.
                rest = rest.order_by(f"-{b.kind.date_field}", "-pk")
                rest = rest[: min(stop, b.count - b.head_count)]
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
        # update() sends no signal: cached counts and pages must not keep the old text.
        bump_content_version()


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
    if changed:
        bump_content_version()  # bulk_update sends no signal (see refresh)
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
