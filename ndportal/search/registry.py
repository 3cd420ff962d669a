"""Which public kinds the site search covers: one `register()` call per kind.

A kind added later (static pages, targets, answered questions) registers itself in its
app's `search.py` and appears in the results, the counts and the filters with no change
to the search view. Registration also keeps the item's columns current when a related
row its text includes (a tag, a photo caption, an attached file) changes.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models.signals import m2m_changed, post_delete, post_save

_KINDS = {}


@dataclass(frozen=True)
class SearchKind:
    model: type
    name: str  # the value of ?loai= in the search URL
    label: str
    date_field: str  # a field or a related one's path, for counts by year and the date shown
    snippet_fields: tuple[str, ...] = ("search_plain",)
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    type_field: str | None = None
    boosts: Callable | None = None
    heading: Callable | None = None
    alternative: Callable | None = None

    def queryset(self):
        """Only what an anonymous reader may see is ever found, counted or quoted."""
        return self.model._default_manager.published()

    def heading_of(self, obj):
        return self.heading(obj) if self.heading else str(obj)

    def date_of(self, obj):
        # A kind without a date of its own may name a related one ("resolution__issued_on").
        for name in self.date_field.split("__"):
            obj = getattr(obj, name)
        return obj


def register(
    model,
    *,
    name,
    label,
    date_field,
    snippet_fields=("search_plain",),
    select_related=(),
    prefetch_related=(),
    type_field=None,
    boosts=None,
    heading=None,
    alternative=None,
    children=(),
    many_to_many=(),
):
    """Make `model` (an `Indexed` model with `published()`) part of the site search.

    `children` lists (model, foreign key name) of rows whose text the item includes;
    `many_to_many` the item's many-to-many fields whose names it includes. `boosts(query)`
    returns conditions ranked above title matches, best first (an exact document number);
    `heading(obj)` the result's title line (default `str(obj)`); `alternative(query)` a
    Q that also finds an item (a number typed without breaks), or None.
    """
    kind = SearchKind(
        model=model,
        name=name,
        label=label,
        date_field=date_field,
        snippet_fields=tuple(snippet_fields),
        select_related=tuple(select_related),
        prefetch_related=tuple(prefetch_related),
        type_field=type_field,
        boosts=boosts,
        heading=heading,
        alternative=alternative,
    )
    _KINDS[name] = kind
    for child, fk_name in children:
        _connect_child(model, child, fk_name)
    for field_name in many_to_many:
        through = model._meta.get_field(field_name).remote_field.through
        m2m_changed.connect(
            _refresh_m2m, sender=through, dispatch_uid=f"search-{model._meta.label}-{field_name}"
        )
    return kind


def kinds():
    return list(_KINDS.values())


def kind_for(model):
    return next((kind for kind in _KINDS.values() if kind.model is model), None)


def _connect_child(model, child, fk_name):
    def refresh_parent(sender, instance, **kwargs):
        from ndportal.search.engine import refresh

        parent_id = getattr(instance, f"{fk_name}_id", None)
        if parent_id is not None and not kwargs.get("raw"):
            refresh(model, parent_id)

    uid = f"search-{model._meta.label}-{child._meta.label}"
    post_save.connect(refresh_parent, sender=child, weak=False, dispatch_uid=uid)
    post_delete.connect(refresh_parent, sender=child, weak=False, dispatch_uid=f"{uid}-delete")


def _refresh_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    from ndportal.search.engine import refresh

    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        refresh(type(instance), instance.pk)
    elif kind_for(model) is not None:
        # Changed from the other side (tag.articles.add(...)): the items are in pk_set.
        # (A clear from the other side sends no pk_set; rebuild_search_text catches it.)
        for pk in pk_set or ():
            refresh(model, pk)
