"""The register's text filter: letters whose folded content or target holds every word of the
query ("xa so 7833" finds "... xã số 7833 ..."; the last word may be the start of a word, "cam
bi" finds "Cẩm Bình"; a number is a whole word, "xa so 78" does not find "xã số 7833"), or,
for a one-word query with a digit, whose register number contains it ("960378", "2024/96").

PostgreSQL: a full-text match (`simple` configuration over the already folded text) served by
the GIN index of migration 0006, whose expression is `FTS_DOCUMENT`, written once here so that
the index and the query cannot drift apart. Numbers are exact words because a number prefix
("78:*" = 78, 780-789, 7800-7899...) expands to thousands of index entries (1.1 s at a million
letters, against 3 ms for an exact word). SQLite (development, tests, the demo): the same
rules with LIKE, which is fine at its scale.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from dancu.core.text import search_tokens

FTS_DOCUMENT = (
    "to_tsvector('simple'::regconfig, coalesce(content_folded, '') || ' ' || coalesce(target_key, ''))"
)
# Statistics on the index expression (most common words and their frequencies): with the
# default target a rare word is estimated at ~5,000 letters and the planner walks the whole
# register in date order instead of reading the word's few index entries.
FTS_STATISTICS = 10_000


def _is_prefix(token: str, last: bool) -> bool:
    return last and not token.isdigit()


def _number_filter(query: str) -> Q | None:
    query = query.strip()
    if query and not any(c.isspace() for c in query) and any(c.isdigit() for c in query):
        return Q(number__icontains=query)
    return None


def filter_text(queryset: QuerySet, query: str) -> QuerySet:
    tokens = search_tokens(query)
    number = _number_filter(query)
    if not tokens:
        return queryset.filter(number) if number is not None else queryset.none()
    if connection.vendor == "postgresql":
        # Tokens are [0-9a-z]+ (search_tokens), so they are safe as to_tsquery terms.
        tsquery = " & ".join(
            f"{t}:*" if _is_prefix(t, i == len(tokens) - 1) else t for i, t in enumerate(tokens)
        )
        words = Q(
            RawSQL(  # noqa: S611 - constant SQL, the query is a parameter
                f"{FTS_DOCUMENT} @@ to_tsquery('simple'::regconfig, %s)",
                [tsquery],
                output_field=BooleanField(),
            )
        )
    else:
        words = Q()
        for i, token in enumerate(tokens):
            words &= _sqlite_word(token, prefix=_is_prefix(token, i == len(tokens) - 1))
    return queryset.filter(words | number if number is not None else words)


def _sqlite_word(token: str, *, prefix: bool) -> Q:
    """The token as a word (or a word's start) of the content or the target, with LIKE."""
    match = Q()
    for column in ("content_folded", "target_key"):
        if prefix:
            match |= Q(**{f"{column}__startswith": token}) | Q(**{f"{column}__contains": f" {token}"})
        else:
            match |= (
                Q(**{column: token})
                | Q(**{f"{column}__startswith": f"{token} "})
                | Q(**{f"{column}__endswith": f" {token}"})
                | Q(**{f"{column}__contains": f" {token} "})
            )
    return match


# -- the global search hook (manifest `search`) --------------------------------------------------

GLOBAL_LIMIT = 20


def global_search(user, query: str) -> list:
    """Letters the user may see, found by register number ("2026/5"), receipt code
    ("TD-…", the Office only: an agency never sees it) or words of the summary and content
    (and who is complained of). Nothing is matched on, nor shown of, a writer's identity: it
    is never in the searched text (sealed, or only as hashes), and a hit shows the number,
    the summary, the body and the status."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from dancu.core.access import get_access
    from dancu.core.search import SearchGroup, SearchHit

    from . import selectors
    from .permissions import LetterPerm, can_open_register

    access = get_access(user)
    query = (query or "").strip()[:200]
    if not query or not can_open_register(access):
        return []
    found = []
    code = query.upper()
    if code.startswith("TD-") and len(code) <= 20 and access.has(LetterPerm.VIEW):
        office = access.province_filter(LetterPerm.VIEW)
        by_code = selectors.letters_visible(user).filter(receipt_code=code)
        found += list(selectors.register_rows(by_code.filter(office) if office is not None else by_code)[:1])
    rows = list(selectors.register_rows(selectors.letters_register(user, query=query))[:GLOBAL_LIMIT])
    # The letter whose register number is the query comes first ("2026/5" before "2026/51").
    rows.sort(key=lambda letter: letter.number != query)
    found += [r for r in rows if r.pk not in {f.pk for f in found}]
    hits = [
        SearchHit(
            f"{letter.number} · {letter.subject}",
            reverse("letters:letter_detail", args=[letter.pk]),
            detail=f"{letter.receiving_body.name} · {letter.get_status_display()}",
            badge=str(letter.get_kind_display()),
        )
        for letter in found[:GLOBAL_LIMIT]
    ]
    return [SearchGroup("letters", _("Letters"), hits)]
