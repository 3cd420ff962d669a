"""Documents and conferences in the site search."""

from django.db.models import Q

from ndportal.search import register
from ndportal.text import search_key
from resolutions.models import (
    AgendaItem,
    Conference,
    ConferenceReport,
    ConnectedSite,
    Document,
    DocumentFile,
    DocumentType,
)
from resolutions.numbers import number_search_key


def glued_number(parsed):
    """A number typed without breaks ("01nqtu") is found in the stored number key."""
    key = number_search_key(parsed.text)
    if any(c.isdigit() for c in key) and any(c.isalpha() for c in key):
        return Q(number_key__contains=key[:80])
    return None


def document_number_boosts(parsed):
    """Ranked above title matches: the exact number typed, then its serial with its type.

    `01-NQ/TU`, `01 NQ TU` or `01nqtu` is the number of 01-NQ/TU exactly; `nghị quyết 01`
    and `nq 01` name serial 1 of type Nghị quyết, so 01-NQ/TU leads 01-CTr/TU.
    """
    boosts = []
    key = number_search_key(parsed.text)
    if any(c.isdigit() for c in key) and any(c.isalpha() for c in key):
        boosts.append(Q(number_key=key[:80]))
    if parsed.numbers:
        typed = f" {parsed.key} "
        named = [
            pk
            for pk, code, name in DocumentType.objects.values_list("pk", "code", "name")
            if f" {search_key(code)} " in typed or f" {search_key(name)} " in typed
        ]
        serial = Q(serial__in=parsed.numbers)
        boosts.append(serial & Q(doc_type__in=named) if named else serial)
    return boosts


register(
    Document,
    name="van-ban",
    label="Văn bản",
    date_field="issued_on",
    snippet_fields=("summary", "search_plain"),
    select_related=("doc_type", "issuing_body", "term"),
    prefetch_related=("fields", "files"),
    type_field="doc_type",
    boosts=document_number_boosts,
    alternative=glued_number,
    heading=lambda document: f"{document} {document.title}",
    children=[(DocumentFile, "document")],
    many_to_many=["fields"],
)

register(
    Conference,
    name="hoi-nghi",
    label="Hội nghị",
    date_field="starts_at",
    select_related=("committee", "term", "report"),
    prefetch_related=("agenda", "documents", "sites"),
    children=[
        (AgendaItem, "conference"),
        (ConnectedSite, "conference"),
        (ConferenceReport, "conference"),
    ],
    many_to_many=["documents"],
)
