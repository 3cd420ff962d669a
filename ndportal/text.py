"""Vietnamese text helpers: NFC normalisation, ASCII slugs, accent-folded keys."""

import re
import unicodedata

from django.utils.text import slugify

# đ/Đ have no Unicode decomposition, so stripping combining marks alone would drop them.
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "D"})
_SEPARATORS = re.compile(r"[^\w\s-]")
_SEARCH_BREAKS = re.compile(r"[\W_]+")
_LETTER_DIGIT = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")
# Vietnamese groups thousands with a dot: 2.000 and 1.234.567 are whole numbers.
THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3})+(?![\d]|\.\d)")


def nfc(value):
    """Return the precomposed (NFC) form of a string; other values pass through."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def fold(value):
    """Lower-case, accent-free form of Vietnamese text: 'Tỉnh ủy Nam Định' -> 'tinh uy nam dinh'."""
    value = unicodedata.normalize("NFKD", value.translate(_LETTERS_WITHOUT_DECOMPOSITION))
    return "".join(c for c in value if not unicodedata.combining(c)).lower()


def search_key(value):
    """Folded words for search: 'Nghị quyết 01-NQ/TU' -> 'nghi quyet 1 nq tu'.

    Folding drops every mark, so NFD input and both tone-mark styles (uỷ/ủy, hoà/hòa,
    khoá/khóa) give the same key. Punctuation becomes a word break; digits glued to letters
    are split from them (KH15 -> kh 15); a number loses its leading zeros, so 01 and 1 are
    the same word, and its thousands dots, so 2.000 and 2000 are too.
    """
    text = THOUSANDS.sub(lambda match: match.group().replace(".", ""), fold(nfc(value or "")))
    words = _SEARCH_BREAKS.split(_LETTER_DIGIT.sub(" ", text))
    return " ".join(_number_word(word) for word in words if word)


def _number_word(word):
    if word.isascii() and word.isdigit():
        return word.lstrip("0") or "0"
    return word


def slugify_vi(value, max_length=200):
    """ASCII slug of a Vietnamese title: 'Nam Định' -> 'nam-dinh', '01-NQ/TU' -> '01-nq-tu'."""
    # Separators such as / . , in document numbers become word breaks, not nothing.
    slug = slugify(_SEPARATORS.sub(" ", fold(value)))
    return slug[:max_length].strip("-")


def unique_slug(instance, value, field_name="slug", max_length=200):
    """A slug from `value` that no other row of the instance's model uses yet."""
    base = slugify_vi(value, max_length=max_length - 8) or "muc"
    queryset = type(instance)._default_manager.exclude(pk=instance.pk)
    candidate, counter = base, 2
    while queryset.filter(**{field_name: candidate}).exists():
        candidate = f"{base}-{counter}"
        counter += 1
    return candidate


TEXT_FIELD_TYPES = {"CharField", "TextField", "SlugField"}


def normalize_text_fields(instance):
    """NFC-normalise every text field of a model instance."""
    for field in instance._meta.concrete_fields:
        if field.get_internal_type() in TEXT_FIELD_TYPES:
            setattr(instance, field.attname, nfc(getattr(instance, field.attname)))
