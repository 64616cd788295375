"""The consultation's rule rows stay editable (values marked unverified are confirmed here)."""

from django.contrib import admin

from .models import ConsultationRule


@admin.register(ConsultationRule)
class ConsultationRuleAdmin(admin.ModelAdmin):
    list_display = ("code", "effective_from", "days", "verified", "source")
    list_filter = ("code", "verified")
