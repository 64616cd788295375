"""Read-only views of what was sent, for the system administrator (statuses move only through
DELIVERY_FLOW, never by hand)."""

from django.contrib import admin

from .models import Delivery, Notification


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    readonly_fields = ("channel", "status", "address", "attempts", "last_attempt_at", "sent_at", "error")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnly):
    list_display = ("created_at", "recipient", "event", "title", "read_at")
    list_filter = ("event",)
    search_fields = ("title", "dedupe_key", "recipient__username")
    inlines = [DeliveryInline]


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly):
    list_display = ("created_at", "notification", "channel", "status", "attempts", "sent_at")
    list_filter = ("channel", "status")
    search_fields = ("address", "error")
