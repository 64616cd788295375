from django.contrib import admin

from .models import LetterRuleSet


@admin.register(LetterRuleSet)
class LetterRuleSetAdmin(admin.ModelAdmin):
    list_display = ("name", "valid_from", "valid_to")
