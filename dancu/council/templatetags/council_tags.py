from django import template

from dancu.council import workflow

register = template.Library()


@register.filter
def status_label(obj) -> str:
    return workflow.status_label(obj)
