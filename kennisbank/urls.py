from django.urls import path

from . import views

app_name = "kennisbank"

urlpatterns = [
    path("", views.ItemListView.as_view(), name="item_list"),
    path("nieuw/", views.ItemCreateView.as_view(), name="item_create"),
    path("<slug:slug>/", views.ItemDetailView.as_view(), name="item_detail"),
    path("<slug:slug>/wijzigen/", views.ItemUpdateView.as_view(), name="item_update"),
    path(
        "<slug:slug>/gecontroleerd/",
        views.ItemControleView.as_view(),
        name="item_gecontroleerd",
    ),
    path("<slug:slug>/bestand/", views.ItemBestandView.as_view(), name="item_bestand"),
]
