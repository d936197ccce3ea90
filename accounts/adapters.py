from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from accounts.invitations import AFTER_CONFIRMATION
from accounts.sso.protocol import end_session_url
from accounts.sso.services import SESSION_KEY as SSO_SESSION_KEY
from core.email import email_context, email_headers, queue_rendered_email
from core.email_html import render_html
from core.http import client_ip

# The links allauth puts in its mails' context (verification, password reset, signup).
_LINKS = ("activate_url", "password_reset_url", "signup_url")


def on_site_url(url: str) -> str:
    """`url` (absolute, on whatever host the request came to) with SITE_URL's scheme and host:
    a mail must not send people to an internal host name or a proxy's address."""
    parts = urlsplit(url)
    return settings.SITE_URL.rstrip("/") + urlunsplit(("", "", parts.path, parts.query, ""))


class AccountAdapter(DefaultAccountAdapter):
    """allauth, adapted: a name at signup, mail in the person's language and sent in the
    background after commit, and a landing page in the person's own language."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", "").strip()
        user.preferred_language = translation.get_language() or user.preferred_language
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        # A known person gets mail in their chosen language; a new one in the page's language.
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        # allauth builds its links from the request's host; ours go to SITE_URL.
        for key in _LINKS:
            if ctx.get(key):
                ctx[key] = on_site_url(ctx[key])
        ctx = email_context(ctx)
        with translation.override(language):
            message = self.render_mail(template_prefix, email, ctx)
            html = next(
                (
                    content
                    for content, mime in getattr(message, "alternatives", [])
                    if mime == "text/html"
                ),
                "",
            ) or render_html(
                subject=message.subject, body=message.body, language=language, context=ctx
            )
        queue_rendered_email(
            to=list(message.to),
            subject=message.subject,
            body=message.body,
            html=html,
            headers=email_headers(automatic=True, unsubscribe=None),
            kind=template_prefix,
            language=language,
        )

    def get_client_ip(self, request):
        # The same answer as every other rate limit of the site (core.http: trusted proxies).
        return client_ip(request)

    def get_login_stages(self):
        # allauth's code step is skipped after a two-step login at a provider (accounts.sso).
        return [
            "accounts.sso.stages.AuthenticateStage"
            if path == "allauth.mfa.stages.AuthenticateStage"
            else path
            for path in super().get_login_stages()
        ]

    def get_logout_redirect_url(self, request):
        # A session from a provider ends there too (RP-initiated logout), then comes home.
        provider_id = request.session.get(SSO_SESSION_KEY, {}).get("provider")
        if provider_id:
            url = end_session_url(request, provider_id)
            if url:
                return url
        # Home in the language of the page they logged out from: / or /en/.
        return reverse("wagtail_serve", args=[""])

    def get_email_verification_redirect_url(self, email_address):
        # Back to the invitation that asked for the address to be confirmed, if one did.
        waiting = self.request.session.pop(AFTER_CONFIRMATION, "")
        if waiting and url_has_allowed_host_and_scheme(waiting, allowed_hosts=None):
            return waiting
        return super().get_email_verification_redirect_url(email_address)

    def get_login_redirect_url(self, request):
        with translation.override(request.user.preferred_language):
            return reverse("accounts:dashboard")
