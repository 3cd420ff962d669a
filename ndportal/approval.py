"""Records kept from readers until an approver approves them.

A conference's closing report, a committee's study result, a unit's target report and
milestone each carry `is_approved`, `approved_at` and `approved_by`; their `save()` calls
`stamp_approval()`, so the time of approval follows the flag the same way for all of them.
"""

from django.utils import timezone


def stamp_approval(record, *, public_at_once=False):
    """Approve a new record when its kind is public at once; keep the stamp in step with
    the flag: cleared when withdrawn, set once when approved (an approver's name is set by
    whoever approves)."""
    if record.pk is None and public_at_once:
        record.is_approved = True
    if not record.is_approved:
        record.approved_at = None
        record.approved_by = None
    elif record.approved_at is None:
        record.approved_at = timezone.now()
