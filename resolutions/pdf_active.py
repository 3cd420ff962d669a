"""Does a PDF carry active content: JavaScript, actions that run on opening, embedded files?

A signed resolution needs none of them. The portal serves PDFs sandboxed, but a reader
who downloads one opens it in a desktop viewer, where such a file can run script or drop
another file. So a PDF with any of them is flagged for the approver and, with
NDPORTAL_REFUSE_ACTIVE_PDF, refused at upload.
"""

import logging
import re

from django.utils.html import format_html
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

logger = logging.getLogger(__name__)

# Dictionary keys and action types that mean "runs something" or "holds a file".
ACTIVE_KEYS = {"/JS", "/JavaScript", "/OpenAction", "/AA", "/EmbeddedFile", "/EmbeddedFiles"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute", "/SubmitForm"}
# The same names in the raw bytes, for a file pypdf cannot walk; #xx escapes are decoded
# first, since /J#61vaScript is /JavaScript to a viewer.
_RAW_NAMES = re.compile(rb"/(JS|JavaScript|OpenAction|AA|EmbeddedFiles?|Launch)(?![A-Za-z0-9])")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
MAX_OBJECTS = 50_000


def active_content(fileobj) -> list[str]:
    """The active-content names found in the PDF, sorted; empty for a plain PDF."""
    fileobj.seek(0)
    raw = fileobj.read()
    fileobj.seek(0)
    found = {
        "/" + match.decode()
        for match in _RAW_NAMES.findall(
            _NAME_ESCAPE.sub(lambda m: bytes.fromhex(m[1].decode()), raw)
        )
    }
    try:
        found |= _walk(PdfReader(fileobj, strict=False))
    except Exception:  # a PDF pypdf cannot read: the byte scan above still counts
        logger.info("PDF not walkable for active content; byte scan only.", exc_info=True)
    finally:
        fileobj.seek(0)
    return sorted(found)


def _walk(reader):
    """Every object reachable from the trailer, compressed object streams included."""
    found, seen, stack = set(), set(), [reader.trailer]
    while stack and len(seen) < MAX_OBJECTS:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for name, value in item.items():
                if name in ACTIVE_KEYS:
                    found.add(str(name))
                if name == "/S" and isinstance(value, NameObject) and value in ACTIVE_ACTIONS:
                    found.add(str(value))
                if name not in {"/Parent", "/P"}:
                    stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return found


def active_content_flag(attached_file):
    """The admin's warning for a flagged file, for the approver to see next to it."""
    if not attached_file.has_active_content:
        return "—"
    return format_html(
        "<strong>{}</strong>",
        "⚠ PDF có JavaScript, lệnh tự chạy hoặc tệp nhúng: kiểm tra trước khi xuất bản",
    )
