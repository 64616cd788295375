from django.contrib import admin

from .models import SupervisionRule


@admin.register(SupervisionRule)
class SupervisionRuleAdmin(admin.ModelAdmin):
    """Deadlines and targets of supervision: a change of law or of a provincial rule is a new
    row with its effective date (the row in force on a date is chosen by that date)."""

    list_display = ("code", "effective_from", "value", "source")
    list_filter = ("code",)
