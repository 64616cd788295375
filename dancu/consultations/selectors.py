"""Reads of the consultations module, each scoped to what the user may see (`get_access`).

Office staff see the drafts of their province (VIEW); a recipient body's users (RESPOND) see
only the drafts their body was asked about; the public sees drafts open for online comments
and nothing else (no comment text, no source, no personal data).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.errors import NotFound

from . import align, synthesis
from .errors import ConsultationError
from .models import Comment, Conference, Draft, DraftVersion, Position, Provision, Recipient
from .permissions import MANAGE, RESPOND, VIEW, responder_bodies
from .workflow import CommentStatus, DraftStatus


def _missing() -> NotFound:
    return NotFound(
        _("This draft does not exist or you may not see it."), code=ConsultationError.DRAFT_NOT_FOUND
    )


def drafts_visible(user, perm: str = VIEW) -> QuerySet[Draft]:
    return get_access(user).scope(Draft.objects.all(), perm)


def draft_list(user, *, query: str = "", status: str = "") -> QuerySet[Draft]:
    rows = drafts_visible(user).annotate(
        comment_count=Count("comments", filter=Q(comments__status=CommentStatus.PUBLISHED), distinct=True),
        recipient_count=Count("recipients", distinct=True),
        version_count=Count("versions", distinct=True),
    )
    if query:
        rows = rows.filter(name__icontains=query)
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-created_at", "-pk")


def draft_get(user, draft_id: int, perm: str = VIEW) -> Draft:
    draft = drafts_visible(user, perm).filter(pk=draft_id).first()
    if draft is None:
        raise _missing()
    return draft


def versions_of(draft: Draft) -> list[DraftVersion]:
    return list(draft.versions.defer("outline").order_by("number"))


def latest_version(draft: Draft) -> DraftVersion | None:
    return draft.versions.order_by("-number").first()


def consulted_version(draft: Draft) -> DraftVersion | None:
    """The version the comments were given on (that of the latest comment), else the latest:
    the synthesis names its articles, and the follow-through starts, from it."""
    last = draft.comments.exclude(version=None).order_by("-pk").values_list("version_id", flat=True).first()
    if last is not None:
        return draft.versions.filter(pk=last).first()
    return latest_version(draft)


def version_get(draft: Draft, number: int) -> DraftVersion:
    version = draft.versions.filter(number=number).first()
    if version is None:
        raise NotFound(_("This version does not exist."), code=ConsultationError.VERSION_NOT_FOUND)
    return version


def provisions_of(version: DraftVersion) -> list[Provision]:
    return list(version.provisions.order_by("order"))


def recipients_of(draft: Draft) -> list[Recipient]:
    return list(
        draft.recipients.select_related("body")
        .annotate(comment_count=Count("comments"))
        .order_by("due_on", "body__sort_key")
    )


def conferences_of(draft: Draft) -> list[Conference]:
    return list(draft.conferences.annotate(comment_count=Count("comments")).order_by("held_on", "pk"))


def comments_of(draft: Draft, *, status: str | None = CommentStatus.PUBLISHED) -> QuerySet[Comment]:
    rows = draft.comments.select_related("body", "recipient__body", "conference", "version")
    if status is not None:
        rows = rows.filter(status=status)
    return rows.order_by("pk")


def pending_comments(draft: Draft) -> QuerySet[Comment]:
    return comments_of(draft, status=CommentStatus.PENDING)


def comment_get(user, comment_id: int, perm: str = VIEW) -> Comment:
    comment = (
        get_access(user)
        .scope(Comment.objects.select_related("draft"), perm, field="draft__province")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None:
        raise NotFound(
            _("This comment does not exist or you may not see it."), code=ConsultationError.COMMENT_NOT_FOUND
        )
    return comment


def recipient_get(user, recipient_id: int, perm: str = MANAGE) -> Recipient:
    row = (
        get_access(user)
        .scope(Recipient.objects.select_related("draft", "body"), perm, field="draft__province")
        .filter(pk=recipient_id)
        .first()
    )
    if row is None:
        raise NotFound(
            _("This recipient does not exist or you may not see it."),
            code=ConsultationError.RECIPIENT_NOT_FOUND,
        )
    return row


def conference_get(user, conference_id: int, perm: str = MANAGE) -> Conference:
    row = (
        get_access(user)
        .scope(Conference.objects.select_related("draft"), perm, field="draft__province")
        .filter(pk=conference_id)
        .first()
    )
    if row is None:
        raise NotFound(
            _("This conference does not exist or you may not see it."),
            code=ConsultationError.CONFERENCE_NOT_FOUND,
        )
    return row


# -- recipients' own users ----------------------------------------------------------------


def responder_recipients(user) -> QuerySet[Recipient]:
    """The requests addressed to the user's bodies (RESPOND), in the provinces they may act in."""
    access = get_access(user)
    bodies = responder_bodies(access)
    rows = access.scope(Recipient.objects.select_related("draft", "body"), RESPOND, field="draft__province")
    return rows.filter(body_id__in=sorted(bodies)).order_by("due_on", "pk")


def responder_recipient(user, draft_id: int) -> Recipient:
    row = responder_recipients(user).filter(draft_id=draft_id).first()
    if row is None:
        raise _missing()
    return row


# -- public --------------------------------------------------------------------------------


def public_drafts() -> QuerySet[Draft]:
    return Draft.objects.filter(online=True, status=DraftStatus.COLLECTING).order_by("-created_at", "-pk")


def public_draft_get(key: str) -> Draft:
    draft = public_drafts().filter(public_key=key).first() if _is_uuid(key) else None
    if draft is None:
        raise NotFound(_("This draft is not open for comments."), code=ConsultationError.DRAFT_NOT_FOUND)
    return draft


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


# -- outline with counts --------------------------------------------------------------------


def comment_counts(draft: Draft) -> dict[str, int]:
    """Accepted comments per provision path ("" = the whole draft)."""
    rows = draft.comments.filter(status=CommentStatus.PUBLISHED).values("path").annotate(n=Count("pk"))
    return {r["path"]: r["n"] for r in rows}


# -- synthesis ---------------------------------------------------------------------------


@dataclass
class ArticleSynthesis:
    article_key: str
    label: str
    title: str
    groups: list[synthesis.Group]
    position: Position | None

    @property
    def count(self) -> int:
        return sum(g.count for g in self.groups)

    @property
    def sources(self) -> list[tuple[str, int]]:
        total: dict[str, int] = {}
        for g in self.groups:
            for name, n in g.sources:
                total[name] = total.get(name, 0) + n
        return sorted(total.items(), key=lambda s: (-s[1], s[0]))


def draft_synthesis(draft: Draft) -> list[ArticleSynthesis]:
    """Accepted comments by article of the latest version (in its order), grouped by similarity,
    with the delegation's position; articles without a comment but with a position are kept.
    Articles are named as in the version consulted (`consulted_version`)."""
    version = consulted_version(draft)
    titles: dict[str, tuple[str, str]] = {}
    order: dict[str, int] = {}
    if version is not None:
        for p in version.provisions.filter(kind=Provision.Kind.ARTICLE).order_by("order"):
            titles[p.path] = (p.label, p.title)
            order[p.path] = p.order
    comments = list(comments_of(draft))
    by_article: dict[str, list[Comment]] = {}
    for c in comments:
        by_article.setdefault(c.article_key, []).append(c)
    positions = {p.article_key: p for p in draft.positions.all()}
    keys = set(by_article) | set(positions)
    result = []
    for key in sorted(keys, key=lambda k: (k != "", order.get(k, 10**6), synthesis.article_sort_key(k))):
        label, title = titles.get(key, (synthesis.path_label(key), ""))
        if not key:
            label = _("The whole draft")
        result.append(
            ArticleSynthesis(
                key, label, title, synthesis.group_comments(by_article.get(key, [])), positions.get(key)
            )
        )
    return result


# -- versions and follow-through --------------------------------------------------------------


@dataclass
class FollowUp:
    position: Position
    match: align.ArticleMatch | None
    taken_up: bool
    coverage: float


def version_alignment(
    draft: Draft, version: DraftVersion
) -> tuple[DraftVersion | None, list[align.ArticleMatch], list[FollowUp]]:
    """The alignment of `version` to the one before it, and for each position of the delegation
    with a proposed wording whether `version` follows it. Positions refer to the version that
    was consulted; when that is older than the previous one, the follow-through aligns from it."""
    from .outline import article_text

    previous = draft.versions.filter(number__lt=version.number).order_by("-number").first()
    if previous is None:
        return None, [], []
    matches = align.align(previous.outline, version.outline)
    consulted = consulted_version(draft)
    base = consulted if consulted is not None and consulted.number < version.number else previous
    base_matches = (
        matches if base.pk == previous.pk else align.align(base.outline, version.outline, with_diff=False)
    )
    by_old = {m.old_key: m for m in base_matches if m.old_key}
    new_articles = {f"d{a['article']}{a.get('suffix', '')}": a for a in _articles(version.outline)}
    old_articles = {f"d{a['article']}{a.get('suffix', '')}": a for a in _articles(base.outline)}
    follow: list[FollowUp] = []
    for position in draft.positions.exclude(proposal="").order_by("pk"):
        match = by_old.get(position.article_key)
        if match is None or not match.new_key:
            follow.append(FollowUp(position, match, False, 0.0))
            continue
        old_a = old_articles.get(match.old_key)
        new_a = new_articles.get(match.new_key)
        taken, cov = align.taken_up(
            position.proposal, article_text(old_a) if old_a else "", article_text(new_a) if new_a else ""
        )
        follow.append(FollowUp(position, match, taken, cov))
    return previous, matches, follow


def _articles(outline: dict[str, Any]):
    from .outline import articles

    return articles(outline)


# -- figures -------------------------------------------------------------------------------


def figures(user, *, year: int | None = None) -> dict[str, Any]:
    """Drafts consulted, conferences, recipients asked and answered on time, comments per draft,
    proposals taken up: for the drafts the user may see (of one year when given)."""
    drafts = drafts_visible(user)
    if year:
        drafts = drafts.filter(created_at__year=year)
    return _figures(drafts)


def _figures(drafts: QuerySet[Draft]) -> dict[str, Any]:
    ids = list(drafts.values_list("pk", flat=True))
    recipients = Recipient.objects.filter(draft_id__in=ids)
    asked = recipients.count()
    answered = recipients.exclude(answered_on=None).count()
    on_time = recipients.exclude(answered_on=None).filter(answered_on__lte=F("due_on")).count()
    per_draft = list(
        drafts.annotate(
            n=Count("comments", filter=Q(comments__status=CommentStatus.PUBLISHED), distinct=True)
        )
        .order_by("-n", "name")
        .values("pk", "name", "n")
    )
    taken = 0
    proposals = 0
    for draft in drafts.filter(positions__isnull=False).exclude(positions__proposal="").distinct():
        version = latest_version(draft)
        if version is None:
            continue
        _prev, _m, follow = version_alignment(draft, version)
        proposals += draft.positions.exclude(proposal="").count()
        taken += len([f for f in follow if f.taken_up])
    return {
        "drafts": len(ids),
        "sent": drafts.filter(status=DraftStatus.SENT).count(),
        "conferences": Conference.objects.filter(draft_id__in=ids).count(),
        "recipients_asked": asked,
        "recipients_answered": answered,
        "recipients_on_time": on_time,
        "comments": Comment.objects.filter(draft_id__in=ids, status=CommentStatus.PUBLISHED).count(),
        "voter_comments": Comment.objects.filter(
            draft_id__in=ids, status=CommentStatus.PUBLISHED, source="voter"
        ).count(),
        "per_draft": per_draft,
        "proposals": proposals,
        "proposals_taken_up": taken,
    }


def coordination_counts(province_id: int, year: int) -> dict[str, int]:
    """For the coordination module (provides "consultations.coordination_counts")."""
    drafts = Draft.objects.filter(province_id=province_id, created_at__year=year)
    data = _figures(drafts)
    return {k: v for k, v in data.items() if isinstance(v, int)}


def due_recipients(user, *, today: datetime.date | None = None) -> QuerySet[Recipient]:
    """Requests still unanswered (the Office's and the recipients' work list)."""
    access = get_access(user)
    staff = access.scope(Recipient.objects.select_related("draft", "body"), MANAGE, field="draft__province")
    return staff.filter(answered_on=None, draft__status=DraftStatus.COLLECTING)


def prefetch_versions() -> Prefetch:
    return Prefetch("versions", queryset=DraftVersion.objects.defer("outline").order_by("number"))


def today() -> datetime.date:
    return timezone.localdate()


def figures_of_draft(draft: Draft) -> dict[str, Any]:
    return _figures(Draft.objects.filter(pk=draft.pk))
