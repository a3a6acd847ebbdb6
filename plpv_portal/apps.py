from django.contrib.admin.apps import AdminConfig


class PlpvAdminConfig(AdminConfig):
    default_site = "plpv_portal.admin.PlpvAdminSite"
