"""Which pages can carry the question form: the related item's model and its field.

A question relates to one item through a nullable foreign key of Question. A new kind of
page (a programme, a target) gets one more foreign key and one more entry here; the form
include (`{% feedback_form item %}`) then works on its page unchanged.
"""

from resolutions.models import Conference, Document

# model -> (Question's foreign key, the send page's query-string name)
RELATED_FIELDS = {
    Document: ("document", "van_ban"),
    Conference: ("conference", "hoi_nghi"),
}


def related_field(obj):
    """The Question field that points to `obj`, or None for an item no question relates to."""
    entry = RELATED_FIELDS.get(type(obj))
    return entry[0] if entry else None
