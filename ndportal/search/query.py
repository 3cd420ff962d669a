"""What a reader typed, read once: folded words, quoted phrases, numbers.

Both backends and the snippet highlighter work from this one reading, so they agree on
what a word is (`ndportal.text.search_key`).
"""

import re
from dataclasses import dataclass

from ndportal.text import search_key

# A query is at most 200 characters; more terms than this only make the SQL longer.
MAX_TERMS = 12
# No stored word is longer (PostgreSQL does not index words over 2 KB); longer ones match nothing.
MAX_WORD_LENGTH = 100
QUOTES = re.compile(r"[\"“”„]")


@dataclass(frozen=True)
class Term:
    """One thing every result must contain: a word, or a quoted phrase of words in order."""

    words: tuple[str, ...]
    prefix: bool = False

    @property
    def is_number(self):
        return len(self.words) == 1 and self.words[0].isdigit()


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()
    key: str = ""  # the folded query
    text: str = ""  # the query as typed, NUL-free

    def __bool__(self):
        return bool(self.terms)

    @property
    def words(self):
        """Every distinct word of every term, in order."""
        return list(dict.fromkeys(word for term in self.terms for word in term.words))

    @property
    def numbers(self):
        """The whole numbers typed, as integers (for document serials)."""
        return [int(word) for word in self.words if word.isascii() and word.isdigit()][:6]


def parse_query(text):
    """Read a query: quoted parts are phrases, other words are separate terms.

    The last unquoted word may be the start of a word (type-ahead: "chuyen doi s" finds
    "chuyển đổi số"); other words and every number must match whole words.
    """
    # Odd segments are inside quotes; an unclosed quote runs to the end.
    segments = QUOTES.split(nfc_safe(text))
    terms = []
    for index, segment in enumerate(segments):
        words = [w for w in search_key(segment).split() if len(w) <= MAX_WORD_LENGTH]
        if index % 2 and words:
            terms.append(Term(tuple(words)))
        elif not index % 2:
            terms.extend(Term((word,)) for word in words)
    terms = list(dict.fromkeys(terms))[:MAX_TERMS]
    typed_last_outside_quotes = len(segments) % 2 == 1 and search_key(segments[-1])
    last = terms[-1] if terms else None
    if last and typed_last_outside_quotes and len(last.words) == 1 and not last.is_number:
        terms[-1] = Term(last.words, prefix=True)
    return ParsedQuery(tuple(terms), search_key(nfc_safe(text)), nfc_safe(text))


def nfc_safe(text):
    # A NUL is never part of a word, and PostgreSQL refuses it in a parameter.
    return (text or "").replace("\x00", " ")


def query_words(query):
    """The distinct folded words of a query, in order (for callers that need only words)."""
    return parse_query(query).words
