from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "plpv_portal.demo"
    label = "demo"
    verbose_name = "Demodata"
