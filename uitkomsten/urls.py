from django.urls import path

from . import views

app_name = "uitkomsten"

urlpatterns = [
    path(
        "trajecten/<int:pk>/uitkomst/",
        views.UitkomstView.as_view(),
        name="uitkomst_vastleggen",
    ),
    path(
        "nametingen/<int:pk>/",
        views.VervolgmetingView.as_view(),
        name="vervolgmeting_vastleggen",
    ),
]
