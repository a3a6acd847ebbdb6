from django.urls import path

from . import views

app_name = "samenwerking"

urlpatterns = [
    path("", views.OverzichtView.as_view(), name="overzicht"),
    path("regio/<slug:code>/nieuw/", views.ScanNieuwView.as_view(), name="scan_nieuw"),
    path("scan/<int:pk>/", views.ScanDetailView.as_view(), name="scan_detail"),
    path("scan/<int:pk>/delen/", views.ScanDelenView.as_view(), name="scan_delen"),
    path("scan/<int:pk>/pdf/", views.ScanPdfView.as_view(), name="scan_pdf"),
    path("scan/<int:pk>/xlsx/", views.ScanXlsxView.as_view(), name="scan_xlsx"),
]
