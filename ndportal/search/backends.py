"""How a parsed query becomes a condition on the weighted columns, per database.

Both backends apply the same rule to the same folded words, so they find the same rows:
every term must be in one of the columns (a word whole, the last word possibly as the
start of a word, a phrase as consecutive words); `weights` narrows the columns looked at
("A" title, "AB" title or summary), which is how results are ranked by where they match.
"""

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

COLUMNS = {"A": "search_title", "B": "search_summary", "C": "search_body"}


class ContainsBackend:
    """Portable (SQLite): substring tests on the space-padded folded columns.

    SQLite's LIKE scans the rows; at the demo's and a small province's size that is fast
    enough, and the results equal PostgreSQL's.
    """

    def condition(self, model, parsed, weights="ABC"):
        condition = Q()
        for term in parsed.terms:
            needle = " " + " ".join(term.words) + ("" if term.prefix else " ")
            either = Q()
            for weight in weights:
                either |= Q(**{f"{COLUMNS[weight]}__contains": needle})
            condition &= either
        return condition


class PostgresBackend:
    """PostgreSQL: `search_vector @@ tsquery` on the generated, GIN-indexed vector.

    The vector is `to_tsvector('simple', ...)` of the folded columns with weights A, B, C;
    'simple' only splits and lower-cases, which is right for folded Vietnamese (it has no
    stemmer), so a lexeme is exactly a folded word.
    """

    def condition(self, model, parsed, weights="ABC"):
        table = connection.ops.quote_name(model._meta.db_table)
        # Title and summary alone are in the small `search_head` vector (see operations.py).
        column = "search_vector" if "C" in weights else "search_head"
        sql = f"{table}.\"{column}\" @@ to_tsquery('simple'::regconfig, %s)"
        return Q(RawSQL(sql, [tsquery(parsed, weights)], output_field=BooleanField()))


def tsquery(parsed, weights="ABC"):
    """The tsquery text of a parsed query: 'nghi' & 'quyet' & ('chuyen' <-> 'doi') & 'so':*."""
    restrict = "" if weights == "ABC" else weights
    parts = []
    for term in parsed.terms:
        # Words are letters and digits only (search_key splits on everything else), so
        # quoting them cannot break out of the lexeme. Only a term's last word is a prefix.
        lexemes = [f"'{word}'" for word in term.words]
        if term.prefix:
            lexemes[-1] += ":*" + restrict
        if restrict:
            lexemes = [
                f"{lexeme}:{restrict}" if ":" not in lexeme else lexeme for lexeme in lexemes
            ]
        parts.append(lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")")
    return " & ".join(parts)


def backend():
    if connection.vendor == "postgresql":
        return PostgresBackend()
    return ContainsBackend()
