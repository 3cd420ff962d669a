"""Numbers written the Vietnamese way: a dot groups thousands, a comma marks decimals."""

import re
from decimal import Decimal, InvalidOperation

# 1.234,5 and 1234,5 and 12 and 0,25; a dot alone always groups thousands.
VIETNAMESE_NUMBER = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


def parse_number(text):
    """'1.234,5' as Decimal('1234.5'); a number cell of a spreadsheet as itself."""
    if isinstance(text, int | float | Decimal) and not isinstance(text, bool):
        return Decimal(str(text))
    text = str(text or "").strip().replace("\u00a0", "").replace(" ", "")
    if not VIETNAMESE_NUMBER.match(text):
        raise ValueError(text)
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation as error:
        raise ValueError(text) from error


def format_number(value):
    """Decimal('1234.5') as '1.234,5'; None as ''."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    if whole.startswith("-") and grouped == "0":
        grouped = "-0"
    return f"{grouped},{fraction}" if fraction else grouped
