from django.contrib import admin

from .models import Antwoordoptie, Thema, Vraag


@admin.register(Thema)
class ThemaAdmin(admin.ModelAdmin):
    """The parts of the Checklist regionale samenwerking, kept by the beheerder."""

    list_display = ["naam", "volgorde"]
    list_editable = ["volgorde"]


class AntwoordoptieInline(admin.StackedInline):
    model = Antwoordoptie
    extra = 0
    max_num = 5
    fields = ["fase", "titel", "beschrijving"]


@admin.register(Vraag)
class VraagAdmin(admin.ModelAdmin):
    """A question and, for a dimension ('fase'), its five stages. A change counts
    for the next scan; versions already filled keep the text they were asked with."""

    list_display = ["tekst", "thema", "soort", "verplicht", "volgorde", "actief"]
    list_editable = ["volgorde", "actief"]
    list_filter = ["thema", "soort", "actief"]
    list_select_related = ["thema"]
    inlines = [AntwoordoptieInline]
