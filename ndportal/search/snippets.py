"""Snippets: about 30 words of an item around its best match, matched words in <mark>.

Computed in Python from the stored plain text, so SQLite and PostgreSQL show the same
snippet. The text is folded character by character (same length, same positions), the
query's words are found in the folded copy, and the marks are placed at those positions
in the original text. Everything from the item is escaped: a snippet never carries the
item's markup, whatever the item holds.
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from ndportal.text import fold, nfc

SNIPPET_WORDS = 30
WORDS_BEFORE = 8
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _fold_char(char):
    folded = fold(char)
    # A character folding to several (ligatures) or none (a stray mark) keeps one place.
    return folded[0] if folded else char


def fold_same_length(text):
    """fold() that keeps every character's position: 'Tỉnh ủy' -> 'tinh uy'."""
    return text.translate({ord(c): _fold_char(c) for c in set(text)})


def _word_pattern(word, prefix):
    if word.isdigit():
        # A whole number: leading zeros and Vietnamese thousands dots allowed (01, 2.000).
        digits = list(word)
        grouped = "".join(
            d + (r"\.?" if (len(digits) - i - 1) % 3 == 0 and i < len(digits) - 1 else "")
            for i, d in enumerate(digits)
        )
        return rf"(?<![\d.])(?<!\d\.)0*{grouped}(?!\d|\.\d)"
    # The start of a word marks the whole word it starts ("tú" marks "Túc").
    end = r"[^\W\d_]*" if prefix else r"(?![^\W\d_])"
    return rf"(?<![^\W\d_]){re.escape(word)}{end}"


def matcher(parsed):
    """One regex finding any word of the query in folded text; None without words."""
    patterns = []
    for term in parsed.terms:
        for index, word in enumerate(term.words):
            prefix = term.prefix and index == len(term.words) - 1
            patterns.append(_word_pattern(word, prefix))
    return re.compile("|".join(patterns)) if patterns else None


def highlight(text, parsed, pattern=None):
    """The whole text, escaped, with the query's words in <mark>."""
    text = nfc(text or "")
    pattern = pattern or matcher(parsed)
    spans = list(pattern.finditer(fold_same_length(text))) if pattern else []
    return _marked(text, [(m.start(), m.end()) for m in spans], 0, len(text))


def snippet(texts, parsed, pattern=None):
    """About 30 words of the first of `texts` holding the most query words, escaped and marked.

    Without any match, the opening words of the first non-empty text, unmarked.
    """
    pattern = pattern or matcher(parsed)
    best = None
    for text in texts:
        text = nfc(text or "")
        if not text.strip():
            continue
        if best is None:
            best = (0, text, [])
        if pattern is None:
            break
        spans = [(m.start(), m.end(), m.group()) for m in pattern.finditer(fold_same_length(text))]
        score = len({word for _, _, word in spans})
        if score > best[0]:
            best = (score, text, spans)
    if best is None:
        return ""
    _, text, spans = best
    return _window(text, spans)


def _window(text, spans):
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not words:
        return ""
    first = 0
    if spans:
        # The window with the most distinct matched words, starting a little before one.
        best_score = -1
        for start, _, _ in spans:
            index = _word_index(words, start)
            begin = max(0, index - WORDS_BEFORE)
            end_pos = words[min(len(words), begin + SNIPPET_WORDS) - 1][1]
            score = len({w for s, _, w in spans if words[begin][0] <= s < end_pos})
            if score > best_score:
                best_score, first = score, begin
    last = min(len(words), first + SNIPPET_WORDS) - 1
    # The text's own opening and closing punctuation stays when the window reaches them.
    start = words[first][0] if first else 0
    end = words[last][1] if last < len(words) - 1 else len(text)
    inside = [(s, e) for s, e, _ in spans if start <= s and e <= end]
    body = _marked(text, inside, start, end)
    before = "… " if first else ""
    after = " …" if last < len(words) - 1 else ""
    return mark_safe(before + body + after)


def _word_index(words, position):
    for index, (_start, end) in enumerate(words):
        if end > position:
            return index
    return len(words) - 1


def _marked(text, spans, start, end):
    out, position = [], start
    for s, e in spans:
        if s < position:
            continue
        out.append(escape(text[position:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        position = e
    out.append(escape(text[position:end]))
    # Line breaks of the plain text read as spaces in a one-paragraph snippet.
    return mark_safe(" ".join("".join(out).split()))
