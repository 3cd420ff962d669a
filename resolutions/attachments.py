"""Attached files (PDF, DOC, DOCX, XLSX, ODT): recognise, validate and read them.

Used by document files and conference files alike. A file is recognised by its bytes,
never by its name: a renamed HTML page or a PDF calling itself `.docx` is refused.
Office files are zip archives, so they are measured before anything opens them
(a 40 kB zip can unpack to gigabytes).

Reading the text (`extract_text`) is never done in a request: the background worker runs
it in a child process with a memory limit and a timeout (resolutions/extraction.py). The
readers here keep their own bounds as well: Office XML is parsed as a stream, at most
XML_MAX_BYTES of it, and no file yields more than TEXT_MAX_CHARS.
"""

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat

from ndportal.text import nfc
from resolutions.pdf_active import active_content


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOC = "doc", "Word 97-2003 (DOC)"
    DOCX = "docx", "Word (DOCX)"
    XLSX = "xlsx", "Excel (XLSX)"
    ODT = "odt", "OpenDocument (ODT)"


CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOC: "application/msword",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileKind.ODT: "application/vnd.oasis.opendocument.text",
}


class Extraction(models.TextChoices):
    PENDING = "pending", "Chờ đọc nội dung"
    OK = "ok", "Đã đọc nội dung"
    EMPTY = "empty", "Không có chữ (bản quét?)"
    LEGACY_FONT = "legacy_font", "Phông chữ cũ (TCVN3/VNI), chữ bị lỗi"
    UNSUPPORTED = "unsupported", "Định dạng không hỗ trợ trích xuất"
    TOO_LARGE = "too_large", "Không đọc được nội dung: tệp quá lớn"
    FAILED = "failed", "Lỗi: không đọc được tệp"


FLAGGED_EXTRACTIONS = {
    Extraction.EMPTY,
    Extraction.LEGACY_FONT,
    Extraction.UNSUPPORTED,
    Extraction.TOO_LARGE,
    Extraction.FAILED,
}

# Limits on what an Office archive may unpack to before we open it.
ZIP_MAX_ENTRIES = 5000
ZIP_MAX_UNCOMPRESSED = 300 * 1024 * 1024
ZIP_MAX_RATIO = 200
# Limits on reading: enough for any resolution, not a whole archive. A file beyond them
# is kept and flagged TOO_LARGE, with no text.
PDF_MAX_PAGES = 1000
TEXT_MAX_CHARS = 2_000_000
XML_MAX_BYTES = 32 * 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class UnsafeArchive(Exception):
    """An Office archive that would unpack to too much to be opened safely."""


class TooLarge(Exception):
    """A file whose text is beyond the reading limits."""


def _read_head(fileobj, size):
    position = fileobj.tell()
    fileobj.seek(0)
    head = fileobj.read(size)
    fileobj.seek(position)
    return head


def check_zip(archive):
    """Raise UnsafeArchive when the archive's entries are too many, too big or too packed."""
    entries = archive.infolist()
    if len(entries) > ZIP_MAX_ENTRIES:
        raise UnsafeArchive("too many entries")
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > 1024 * 1024 and entry.file_size > ZIP_MAX_RATIO * max(
            entry.compress_size, 1
        ):
            raise UnsafeArchive(f"{entry.filename} is packed too tightly")
    if total > ZIP_MAX_UNCOMPRESSED:
        raise UnsafeArchive("uncompressed size too large")


def _odt_mimetype(archive):
    # Read only the few bytes the answer needs: the entry may claim to be hundreds of MB.
    with archive.open("mimetype") as entry:
        return entry.read(len(_ODT_MIMETYPE) + 2).strip() == _ODT_MIMETYPE


def _zip_kind(fileobj):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            check_zip(archive)
            names = set(archive.namelist())
            if "mimetype" in names and _odt_mimetype(archive):
                return FileKind.ODT
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return FileKind.DOCX
                if "xl/workbook.xml" in names:
                    return FileKind.XLSX
    except (zipfile.BadZipFile, UnsafeArchive, OSError, EOFError, KeyError):
        return None
    finally:
        fileobj.seek(0)
    return None


def detect_kind(fileobj):
    """The FileKind the bytes of `fileobj` show, or None for anything else."""
    head = _read_head(fileobj, 8)
    if head.startswith(b"%PDF-"):
        return FileKind.PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(fileobj)
    if head.startswith(_OLE_MAGIC):
        # Excel 97 and PowerPoint files are OLE containers too; only Word has this stream.
        fileobj.seek(0)
        found = _WORD_STREAM in fileobj.read(4 * 1024 * 1024)
        fileobj.seek(0)
        return FileKind.DOC if found else None
    return None


def validate_attachment(uploaded):
    """Model-field validator: allowed kind, content matching the name, size within the limit."""
    if uploaded is None or getattr(uploaded, "_committed", False):
        return  # a file already stored was checked when it came in
    limit = settings.ATTACHMENT_MAX_SIZE
    if uploaded.size > limit:
        raise ValidationError(
            "Tệp quá lớn (%(size)s); giới hạn là %(limit)s.",
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
        )
    extension = Path(uploaded.name).suffix.lower().lstrip(".")
    if extension not in FileKind.values:
        raise ValidationError(
            "Chỉ nhận tệp PDF, DOC, DOCX, XLSX hoặc ODT.", code="extension_not_allowed"
        )
    # Not a `with` block: the form still needs the upload open to store it.
    uploaded.open("rb")
    kind = detect_kind(uploaded)
    uploaded.seek(0)
    if kind is None:
        raise ValidationError(
            "Nội dung tệp không phải PDF, DOC, DOCX, XLSX hay ODT (tệp hỏng hoặc bị đổi tên).",
            code="unknown_content",
        )
    if kind != extension:
        raise ValidationError(
            "Tệp có đuôi .%(extension)s nhưng nội dung là %(kind)s.",
            code="content_mismatch",
            params={"extension": extension, "kind": kind.label},
        )
    if kind == FileKind.PDF and settings.REFUSE_ACTIVE_PDF:
        if active_content(uploaded):
            raise ValidationError(
                "Tệp PDF có JavaScript, lệnh tự chạy khi mở hoặc tệp nhúng bên trong; cổng không "
                "nhận loại tệp này. Hãy xuất lại PDF từ bản gốc (in ra PDF) rồi tải lên.",
                code="pdf_active_content",
            )


# Vietnamese text written in the 8-bit TCVN3 (ABC, .VnTime) or VNI fonts comes out of
# Word as Latin-1 letters and signs no Vietnamese word uses: "NghÞ quyÕt", "§¶ng", "Ñaûng".
_LEGACY_SIGNS = set("¢£¤¥¦§¨©ª«¬®¯±²³´µ¶·¸¹º»¼½¾¿×÷äåæçëîïðñöøûüþÿÄÅÆÇËÎÏÐÑÖØÛÜÞß")


def _is_vietnamese_letter(char):
    return char in "đĐăĂơƠưƯĩĨũŨ" or "\u1ea0" <= char <= "\u1ef9"


def looks_like_legacy_encoding(text):
    """True when `text` reads like TCVN3/VNI mojibake rather than Unicode Vietnamese."""
    legacy = sum(1 for char in text if char in _LEGACY_SIGNS)
    vietnamese = sum(1 for char in text if _is_vietnamese_letter(char))
    return legacy >= 5 and legacy > vietnamese


@dataclass(frozen=True)
class ExtractedText:
    text: str
    status: str


def _pdf_text(fileobj):
    from pypdf import PdfReader

    reader = PdfReader(fileobj)
    if len(reader.pages) > PDF_MAX_PAGES:
        raise TooLarge(f"more than {PDF_MAX_PAGES} pages")
    pages, chars = [], 0
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        chars += len(pages[-1])
        if chars > TEXT_MAX_CHARS:
            raise TooLarge("too much text")
    return "\n\n".join(pages)


def _checked_zip(fileobj):
    archive = zipfile.ZipFile(fileobj)
    check_zip(archive)
    return archive


class _CappedReader:
    """A zip entry read at most `limit` bytes far; beyond that the file is too large."""

    def __init__(self, stream, limit):
        self.stream, self.limit, self.count = stream, limit, 0

    def read(self, size=-1):
        data = self.stream.read(size if 0 < size <= 1024 * 1024 else 64 * 1024)
        self.count += len(data)
        if self.count > self.limit:
            raise TooLarge("XML larger than the reading limit")
        return data


def _stream_lines(archive, member, line_tags, text_tag=None):
    """The text of each `line_tags` element of an XML entry, parsed as a stream.

    Each element read is dropped with what came before it, so memory follows the longest
    paragraph, not the document; the entry is read at most XML_MAX_BYTES far. (What a
    hostile file could still pile up between paragraphs is bounded by the child process.)
    """
    from lxml import etree

    lines, chars = [], 0
    with archive.open(member) as entry:
        # Office XML comes from the uploader: no entities, no DTD, no network, no huge nodes.
        events = etree.iterparse(
            _CappedReader(entry, XML_MAX_BYTES),
            events=("end",),
            tag=line_tags,
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,
        )
        for _, element in events:
            parts = element.iter(text_tag) if text_tag else [element]
            line = "".join("".join(part.itertext()) for part in parts)
            chars += len(line) + 1
            if chars > TEXT_MAX_CHARS:
                raise TooLarge("too much text")
            lines.append(line)
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
    return "\n".join(lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _docx_text(fileobj):
    # Paragraphs in document order, those in table cells included, one per line.
    with _checked_zip(fileobj) as archive:
        return _stream_lines(archive, "word/document.xml", [f"{_W}p"], text_tag=f"{_W}t")


def _xlsx_text(fileobj):
    with _checked_zip(fileobj) as archive:
        if "xl/sharedStrings.xml" not in set(archive.namelist()):
            return ""
        return _stream_lines(archive, "xl/sharedStrings.xml", [f"{_SHEET}si"])


def _odt_text(fileobj):
    with _checked_zip(fileobj) as archive:
        return _stream_lines(archive, "content.xml", [f"{_ODF_TEXT}h", f"{_ODF_TEXT}p"])


_READERS = {
    FileKind.PDF: _pdf_text,
    FileKind.DOCX: _docx_text,
    FileKind.XLSX: _xlsx_text,
    FileKind.ODT: _odt_text,
}


def can_extract(kind):
    return kind in _READERS


def extract_text(fileobj, kind):
    """Read the text of a file opened for reading; a file that cannot be read is reported.

    Call it in a bounded process (resolutions/extraction.py), never in a request.
    """
    reader = _READERS.get(kind)
    if reader is None:
        return ExtractedText("", Extraction.UNSUPPORTED)
    fileobj.seek(0)
    try:
        text = reader(fileobj)
    except (TooLarge, UnsafeArchive, MemoryError):
        return ExtractedText("", Extraction.TOO_LARGE)
    except Exception as error:  # any parser failure means "cannot be read", never a crash
        # libxml2 and zlib report a refused allocation as their own error.
        if "memory" in str(error).lower():
            return ExtractedText("", Extraction.TOO_LARGE)
        return ExtractedText("", Extraction.FAILED)
    text = nfc(re.sub(r"[ \t]+\n", "\n", text.replace("\x00", ""))).strip()
    if not text:
        return ExtractedText("", Extraction.EMPTY)
    if looks_like_legacy_encoding(text):
        return ExtractedText(text, Extraction.LEGACY_FONT)
    return ExtractedText(text, Extraction.OK)
