from django.contrib import admin

from .models import CouncilRule


@admin.register(CouncilRule)
class CouncilRuleAdmin(admin.ModelAdmin):
    """Thresholds and time limits: a change of law is a new row with its effective date."""

    list_display = ("code", "effective_from", "numerator", "denominator", "strict", "days", "source")
    list_filter = ("code",)
