"""The outline as pages show it: every article with its anchor, its comment count and the
provisions a comment form may name (the article, its clauses, their points)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .outline import article_key, articles


def _article_label(article: dict[str, Any]) -> str:
    return _("Article %(number)s") % {"number": f"{article['article']}{article.get('suffix', '')}"}


def provision_choices(article: dict[str, Any]) -> list[tuple[str, str]]:
    key = article_key(article)
    label = _article_label(article)
    choices = [(key, label)]
    for point in article.get("points", []):
        choices.append(
            (
                f"{key}.{point['letter']}",
                _("%(article)s, point %(letter)s") % {"article": label, "letter": point["letter"]},
            )
        )
    for clause in article["clauses"]:
        kpath = f"{key}.k{clause['number']}"
        choices.append(
            (kpath, _("%(article)s, clause %(clause)s") % {"article": label, "clause": clause["number"]})
        )
        for point in clause["points"]:
            choices.append(
                (
                    f"{kpath}.{point['letter']}",
                    _("%(article)s, clause %(clause)s, point %(letter)s")
                    % {"article": label, "clause": clause["number"], "letter": point["letter"]},
                )
            )
    return choices


def article_options(outline: dict[str, Any]) -> list[tuple[str, str]]:
    """Every article, clause and point of a version as (path, label), in order."""
    options: list[tuple[str, str]] = []
    for article in articles(outline):
        options.extend(provision_choices(article))
    return options


def enrich(outline: dict[str, Any], counts: dict[str, int]) -> list[dict[str, Any]]:
    """Parts -> chapters -> sections -> articles, each article with `key`, `label`, `count`
    (comments on it and on its clauses and points), `choices`, and each clause and point with
    its `path` and `count`."""
    parts = []
    for part in outline.get("parts", []):
        chapters = []
        for chapter in part["chapters"]:
            sections = []
            for section in chapter["sections"]:
                arts = []
                for article in section["articles"]:
                    key = article_key(article)
                    clauses = []
                    for clause in article["clauses"]:
                        kpath = f"{key}.k{clause['number']}"
                        points = [
                            {
                                **p,
                                "path": f"{kpath}.{p['letter']}",
                                "count": counts.get(f"{kpath}.{p['letter']}", 0),
                            }
                            for p in clause["points"]
                        ]
                        clauses.append(
                            {**clause, "path": kpath, "count": counts.get(kpath, 0), "points": points}
                        )
                    apoints = [
                        {**p, "path": f"{key}.{p['letter']}", "count": counts.get(f"{key}.{p['letter']}", 0)}
                        for p in article.get("points", [])
                    ]
                    total = sum(n for path, n in counts.items() if path == key or path.startswith(key + "."))
                    arts.append(
                        {
                            **article,
                            "key": key,
                            "label": _article_label(article),
                            "count": total,
                            "own_count": counts.get(key, 0),
                            "clauses": clauses,
                            "points": apoints,
                            "choices": provision_choices(article),
                        }
                    )
                sections.append({**section, "articles": arts})
            chapters.append({**chapter, "sections": sections})
        parts.append({**part, "chapters": chapters})
    return parts
