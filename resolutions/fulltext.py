"""A table of contents for a document's full text, built on the server."""

import html
import re

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

# The body is nh3 output: well-formed tags with double-quoted attribute values, so a
# heading's opening tag is matched exactly, even with a `>` inside a quoted value.
_HEADING = re.compile(r'<(h[23])((?:\s+[a-z-]+="[^"]*")*)\s*>(.*?)</\1>', re.IGNORECASE | re.DOTALL)
TOC_MIN_HEADINGS = 3


def with_table_of_contents(body_html):
    """Return (body with `id="muc-N"` on each h2/h3, [(level, id, text)]).

    The table is empty when the text has fewer than TOC_MIN_HEADINGS headings.
    """
    entries = []

    def number_heading(match):
        tag, attributes, inner = match.group(1).lower(), match.group(2), match.group(3)
        anchor = f"muc-{len(entries) + 1}"
        text = " ".join(html.unescape(strip_tags(inner)).split())
        entries.append((int(tag[1]), anchor, text))
        # Any id the editor's HTML carried is dropped: ours must be unique on the page.
        attributes = re.sub(r'\s+id="[^"]*"', "", attributes)
        return f'<{tag} id="{anchor}"{attributes}>{inner}</{tag}>'

    numbered = _HEADING.sub(number_heading, body_html or "")
    if len(entries) < TOC_MIN_HEADINGS:
        return mark_safe(body_html or ""), []
    # Only ids we generated were added to already-sanitised HTML.
    return mark_safe(numbered), entries
