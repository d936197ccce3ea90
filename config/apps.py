from django.contrib.admin.apps import AdminConfig


class SuperuserAdminConfig(AdminConfig):
    """Django's admin, for superusers only; staff work in the Wagtail admin at /admin/."""

    default_site = "config.admin.SuperuserAdminSite"
