"""Document numbers (số ký hiệu): parse them, compare their codes, make URL slugs of them.

Party documents read `01-NQ/TU`; state documents read `12/2021/NQ-HĐND` or `345/QĐ-UBND`.
Readers and editors also type `01 NQ TU`, `01-nq/tu`, `345/QD-UBND` or paste decomposed
(NFD) text, so every spelling is reduced to the same parts.
"""

import re
import unicodedata
from dataclasses import dataclass

from ndportal.text import fold

_SEPARATORS = re.compile(r"[\s\-/–—_.]+")
_DIGITS = re.compile(r"^\d{1,6}$")
_CODE = re.compile(r"^[^\W\d_][^\W_]*$")

FIRST_YEAR = 1930  # the Party's founding year; no document in the registry is older


@dataclass(frozen=True)
class DocumentNumber:
    """The parts of a document number: `12/2021/NQ-HĐND` -> 12, 2021, NQ, HĐND."""

    serial: int
    type_code: str
    issuer_code: str
    year: int | None = None

    @property
    def slug(self):
        """ASCII URL part: `01-NQ/TU` -> `01-nq-tu`, `12/2021/NQ-HĐND` -> `12-2021-nq-hdnd`."""
        parts = [self.serial_text, str(self.year) if self.year else "", self.type_code]
        parts.append(self.issuer_code)
        return "-".join(code_key(part).lower() for part in parts if part)

    @property
    def serial_text(self):
        return f"{self.serial:02d}"


def code_key(code):
    """Comparable form of a code: case, accents and `Đ`/`D` do not matter (`QĐi` -> `QDI`)."""
    return fold(unicodedata.normalize("NFC", code or "")).upper().replace(" ", "")


def parse_number(value):
    """Return the DocumentNumber in `value`, or None when it does not read as one."""
    if not value:
        return None
    tokens = [t for t in _SEPARATORS.split(unicodedata.normalize("NFC", value).strip()) if t]
    if len(tokens) < 3 or not _DIGITS.match(tokens[0]):
        return None
    serial, rest = int(tokens[0]), tokens[1:]
    year = None
    if len(rest) >= 3 and re.fullmatch(r"\d{4}", rest[0]):
        year, rest = int(rest[0]), rest[1:]
        if year < FIRST_YEAR or year > 2100:
            return None
    if len(rest) < 2 or not all(_CODE.match(t) for t in rest):
        return None
    return DocumentNumber(
        serial=serial,
        type_code=rest[0].upper(),
        issuer_code="-".join(rest[1:]).upper(),
        year=year,
    )


def number_search_key(value):
    """Separator-free folded form used to match a number however it is typed: `01nqtu`."""
    return re.sub(r"[^0-9a-z]", "", fold(unicodedata.normalize("NFC", value or "")))
