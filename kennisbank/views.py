from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from django.views.generic.detail import SingleObjectMixin

from core.csv_export import CsvExportMixin
from core.inzending import EenmaligeInzendingMixin
from core.mixins import FilteredListMixin

from .constants import BESTANDSSOORTEN
from .filters import ItemFilter
from .forms import ItemForm
from .selectors import (
    controle_grens,
    item_bewerkbaar_list,
    item_detail_list,
    item_list,
)
from .services import item_gecontroleerd, item_opslaan


class ItemListView(
    PermissionRequiredMixin, CsvExportMixin, FilteredListMixin, ListView
):
    """The kennisbank: search and filter, best match first when searching."""

    permission_required = "kennisbank.view_item"
    filterset_class = ItemFilter
    paginate_by = 25
    csv_naam = "kennisbank"
    csv_kolommen = [
        "Titel",
        "Soort",
        "Landelijk of regio",
        "Sector",
        "Trefwoorden",
        "Eigenaar",
        "Laatst gecontroleerd",
        "Samenvatting",
    ]

    def get_base_queryset(self):
        return item_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            controle_grens=controle_grens(),
            controle_maanden=settings.KENNISBANK_CONTROLE_MAANDEN,
            **kwargs,
        )
        # One query for the rows on this page that the user may change.
        context["bewerkbaar"] = set(
            item_bewerkbaar_list(user=self.request.user)
            .filter(pk__in=[i.pk for i in context["object_list"]])
            .values_list("pk", flat=True)
        )
        return context

    def csv_rij(self, i):
        return [
            i.titel,
            i.get_soort_display(),
            i.bereik_label,
            i.get_sector_display(),
            ", ".join(t.naam for t in i.tags.all()),
            i.eigenaar,
            i.laatst_gecontroleerd_op,
            i.samenvatting,
        ]


class ItemDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "kennisbank.view_item"

    def get_queryset(self):
        return item_detail_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        bewerkbaar = (
            item_bewerkbaar_list(user=self.request.user)
            .filter(pk=self.object.pk)
            .exists()
        )
        return super().get_context_data(bewerkbaar=bewerkbaar, **kwargs)


class ItemFormMixin(PermissionRequiredMixin):
    form_class = ItemForm
    template_name = "kennisbank/item_form.html"

    def get_queryset(self):
        return item_bewerkbaar_list(user=self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            item = item_opslaan(
                item=form.instance,
                door=self.request.user,
                trefwoorden=form.cleaned_data["trefwoorden"],
                gerelateerd=form.cleaned_data["gerelateerd"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for veld, fouten in exc.error_dict.items():
                    form.add_error(veld if veld in form.fields else None, fouten)
            else:
                form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%s is opgeslagen.") % item.titel)
        return redirect(item)


class ItemCreateView(ItemFormMixin, EenmaligeInzendingMixin, CreateView):
    permission_required = "kennisbank.add_item"


class ItemUpdateView(ItemFormMixin, UpdateView):
    permission_required = "kennisbank.change_item"


class ItemControleView(PermissionRequiredMixin, SingleObjectMixin, View):
    """POST: the item is still correct today."""

    permission_required = "kennisbank.change_item"
    http_method_names = ["post"]

    def get_queryset(self):
        return item_bewerkbaar_list(user=self.request.user)

    def post(self, request, *args, **kwargs):
        item = self.get_object()
        item_gecontroleerd(item=item, door=request.user)
        messages.success(request, _("%s is gecontroleerd.") % item.titel)
        if request.POST.get("terug") == "lijst":
            return redirect("kennisbank:item_list")
        return redirect(item)


class ItemBestandView(PermissionRequiredMixin, View):
    """Serve a document only to users who may see the item (media is not public)."""

    permission_required = "kennisbank.view_item"

    def get(self, request, slug):
        item = get_object_or_404(item_list(user=request.user), slug=slug)
        if not item.bestand:
            raise Http404
        extensie = Path(item.bestand.name).suffix.lower()
        naam = Path(item.bestandsnaam).stem or item.slug
        return FileResponse(
            item.bestand.open("rb"),
            as_attachment=True,
            content_type=BESTANDSSOORTEN.get(extensie, "application/octet-stream"),
            filename=f"{naam}{extensie}",
        )
