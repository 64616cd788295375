from django.contrib import admin

from .models import PetitionRule


@admin.register(PetitionRule)
class PetitionRuleAdmin(admin.ModelAdmin):
    """Deadlines are legal rules as data: a change of law is a new row with its effective date."""

    list_display = ("level", "effective_from", "answer_days", "remind_days_before", "source")
    list_filter = ("level",)
