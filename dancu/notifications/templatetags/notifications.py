"""`{% load notifications %}{% notification_bell %}`: the bell with the unread count, for the
top bar (dancu/templates/base.html)."""

from django import template

register = template.Library()


@register.inclusion_tag("notifications/_bell.html", takes_context=True)
def notification_bell(context):
    """The bell, loaded by htmx once the page is shown: a page costs no query for it (list pages
    keep their query budgets), and the count is the fragment's, refreshed every minute."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"signed_in": user is not None and user.is_authenticated, "poll": True, "lazy": True}
