from django.contrib.admin import AdminSite


class SuperuserAdminSite(AdminSite):
    site_header = "Frivilligløft — Django admin"

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser
