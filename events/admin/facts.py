"""The facts the publication-date check uses, for editors to correct: offices and terms, summits,
reference events (loaded by ``manage.py facts_load``)."""

from __future__ import annotations

from django.contrib import admin

from events.models import Gathering, GatheringSeries, Office, OfficeTerm, ReferenceEvent


class OfficeTermInline(admin.TabularInline):
    model = OfficeTerm
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "start", "end", "source"]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "holder", "kind", "titles"]
    list_filter = ["kind"]
    search_fields = ["name", "key", "titles"]
    autocomplete_fields = ["holder"]
    inlines = [OfficeTermInline]


@admin.register(OfficeTerm)
class OfficeTermAdmin(admin.ModelAdmin):
    list_display = ["person", "office", "start", "end"]
    list_filter = ["office__kind", "office"]
    search_fields = ["person__name", "office__name"]
    autocomplete_fields = ["person", "office"]
    list_select_related = ["person", "office"]


@admin.register(Gathering)
class GatheringAdmin(admin.ModelAdmin):
    list_display = ["series", "number", "start", "end", "city", "country_code"]
    list_filter = ["series"]
    search_fields = ["city", "series"]


@admin.register(GatheringSeries)
class GatheringSeriesAdmin(admin.ModelAdmin):
    list_display = ["key", "name", "names"]


@admin.register(ReferenceEvent)
class ReferenceEventAdmin(admin.ModelAdmin):
    list_display = ["title", "start", "end", "event_type", "place"]
    search_fields = ["title", "actors", "place"]
