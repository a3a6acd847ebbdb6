"""The consulent's pages to give access, under /kandidaten/<pk>/toegang/."""

from django.urls import path

from . import views_toegang

app_name = "mijn_toegang"

urlpatterns = [
    path("", views_toegang.toegang, name="toegang"),
    path("link/", views_toegang.link_versturen, name="link"),
    path("code/", views_toegang.code_afdrukken, name="code"),
]
