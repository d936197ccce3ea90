from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.middleware import get_user
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from accounts.roles import start_request_memo
from accounts.sso.services import SESSION_KEY as SSO_SESSION_KEY


class StaffMultiFactorMiddleware:
    """Staff must set up two-step verification before they may use the Wagtail admin.

    Staff accounts can see every participant's data, so a stolen password alone must not be
    enough. A login through the municipality's provider (or MitID) whose own login was
    two-step counts as two-step here too. On when STAFF_MFA_REQUIRED is set (production
    default); the admin login itself and the MFA setup pages stay reachable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.STAFF_MFA_REQUIRED
            and request.path_info.startswith(settings.ADMIN_PATH_PREFIXES)
            and request.user.is_authenticated
            # A login through a provider whose own login was two-step (accounts.sso).
            and not request.session.get(SSO_SESSION_KEY, {}).get("two_step")
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


class RequestAccessMiddleware:
    """Let the request's user remember its roles and permissions for this request only.

    Right below Django's AuthenticationMiddleware. The user is still loaded lazily; once it
    is, accounts.roles reads its group names and permissions in one query the first time
    something asks (a staff menu item, Wagtail's user bar), instead of a query per question.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.user = SimpleLazyObject(lambda: start_request_memo(get_user(request)))
        return self.get_response(request)
