from .dashboard.urls import urlpatterns as dashboard_urls
from .uitkomsten.urls import urlpatterns as uitkomsten_urls

app_name = "rapportage"

urlpatterns = uitkomsten_urls + dashboard_urls
