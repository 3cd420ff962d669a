"""Numbers the Vietnamese way in templates, and the link from a document to its progress."""

from django import template
from django.db.models import Q

from targets.models import Target
from targets.numbers import format_number
from targets.views import progress_url

register = template.Library()


@register.filter
def vn_number(value):
    """1234.5 as 1.234,5; None stays empty (for `|default`)."""
    return format_number(value)


@register.inclusion_tag("targets/includes/progress_link.html")
def progress_link(document):
    """A link to the progress page of a resolution, or of the resolution a programme serves."""
    target = (
        Target.objects.public()
        .filter(Q(resolution=document) | Q(programme=document))
        .select_related("resolution__doc_type")
        .first()
    )
    return {"url": progress_url(target.resolution) if target else None}
