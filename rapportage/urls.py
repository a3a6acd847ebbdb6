from django.urls import path

from .views import DashboardView, VergelijkingView

app_name = "rapportage"

urlpatterns = [
    path("dashboard/", DashboardView.as_view(), name="dashboard"),
    path("vergelijking/", VergelijkingView.as_view(), name="vergelijking"),
]
