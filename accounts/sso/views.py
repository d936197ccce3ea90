import logging

from allauth.socialaccount.models import SocialAccount
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from accounts.sso import protocol, services
from accounts.sso.config import MITID, login_providers

logger = logging.getLogger(__name__)


@login_required
@require_http_methods(["GET", "POST"])
def linked_logins(request):
    """Mine sider › Logins: which provider logins are linked, link one, unlink one."""
    providers = login_providers()
    if not providers:
        raise Http404
    if request.method == "POST":
        try:
            account = services.unlink_login(request.user, request.POST.get("account", ""))
        except services.LoginLinkError as error:
            messages.error(request, str(error))
        else:
            label = _("MitID") if account.provider == MITID else _("your municipal account")
            messages.success(
                request, _("Logging in with %(login)s is no longer linked.") % {"login": label}
            )
        return redirect("accounts:linked_logins")
    linked = {
        account.provider: account for account in SocialAccount.objects.filter(user=request.user)
    }
    rows = [
        {"provider_id": provider_id, "account": linked.get(provider_id)}
        for provider_id in providers
    ]
    return render(request, "accounts/linked_logins.html", {"rows": rows})


@csrf_exempt
@never_cache
@require_POST
def backchannel_logout(request, provider_id):
    """OpenID Connect Back-Channel Logout 1.0: the provider tells us a session there ended;
    we end the sessions it opened here. 200 when done, 400 for a token we refuse."""
    if provider_id not in login_providers():
        raise Http404
    try:
        claims = protocol.verify_logout_token(
            request, provider_id, request.POST.get("logout_token", "")
        )
    except protocol.InvalidLogoutToken as error:
        logger.warning("Back-channel logout from %s refused: %s", provider_id, error)
        return JsonResponse({"error": "invalid_request"}, status=400)
    ended = services.end_provider_sessions(
        provider_id, sub=str(claims.get("sub") or ""), sid=str(claims.get("sid") or "")
    )
    logger.info("Back-channel logout from %s ended %d sessions", provider_id, ended)
    return JsonResponse({}, status=200)


class AdminLogoutView(WagtailLogoutView):
    """The Wagtail admin's "Log out": a session that came from a provider ends there too
    (RP-initiated logout), as the site's own logout does (accounts.adapters)."""

    def post(self, request, *args, **kwargs):
        provider_id = request.session.get(services.SESSION_KEY, {}).get("provider")
        self.end_session_url = (
            protocol.end_session_url(request, provider_id) if provider_id else None
        )
        return super().post(request, *args, **kwargs)

    def get_default_redirect_url(self):
        return getattr(self, "end_session_url", None) or super().get_default_redirect_url()
