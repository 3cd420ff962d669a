"""Targets in the site search: name and code; units, unit of measure, resolution and
programme numbers; only targets whose resolution and programme are both published
(`Target.objects.published()`, the same rule as the progress pages). Reports are never
searched: their figures appear only on the progress pages, once approved."""

from django.db.models import Q
from django.db.models.signals import post_save

from ndportal.search import rebuild, register
from targets.models import ResponsibleUnit, Target


def refresh_unit_targets(sender, instance, created=False, raw=False, **kwargs):
    """A renamed unit: the targets it carries or shares take the new name."""
    if created or raw:
        return
    targets = Target.objects.filter(Q(unit=instance) | Q(sharing_units=instance)).distinct()
    rebuild(Target, targets)


register(
    Target,
    name="chi-tieu",
    label="Chỉ tiêu",
    date_field="resolution__issued_on",
    select_related=("resolution__doc_type", "programme__doc_type", "unit"),
    prefetch_related=("sharing_units",),
    many_to_many=["sharing_units"],
)
post_save.connect(
    refresh_unit_targets, sender=ResponsibleUnit, dispatch_uid="search-targets-unit-renamed"
)
