from django.urls import path


def kapot(request):
    raise RuntimeError("test")


urlpatterns = [path("kapot/", kapot)]
