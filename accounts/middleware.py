from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class StaffMultiFactorMiddleware:
    """Staff must set up two-step verification before they may use the Wagtail admin.

    Staff accounts can see every participant's data, so a stolen password alone must not be
    enough. On when STAFF_MFA_REQUIRED is set (production default); the admin login itself and
    the MFA setup pages stay reachable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.STAFF_MFA_REQUIRED
            and request.path_info.startswith(settings.ADMIN_PATH_PREFIXES)
            and request.user.is_authenticated
            and (request.user.is_staff or request.user.has_perm("wagtailadmin.access_admin"))
            and not Authenticator.objects.filter(
                user=request.user, type=Authenticator.Type.TOTP
            ).exists()
        ):
            messages.warning(
                request,
                _("Set up two-step verification before you use the administration."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
