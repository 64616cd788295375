from django.contrib import admin

from .models import AdministrativeUnit, Body, Constituency, Membership, Person, Post, Term


@admin.register(AdministrativeUnit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "level", "parent", "valid_from", "valid_to")
    list_filter = ("level",)
    search_fields = ("name", "code")
    raw_id_fields = ("parent",)


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "level", "province", "parent")
    list_filter = ("kind", "level")
    search_fields = ("name", "short_name")
    raw_id_fields = ("parent", "province", "unit")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ("body", "term", "constituency")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("full_name", "gender", "province")
    search_fields = ("full_name",)
    raw_id_fields = ("province",)
    inlines = [MembershipInline]


admin.site.register(Post)
admin.site.register(Term)
admin.site.register(Constituency, raw_id_fields=("term",), filter_horizontal=("units",))
