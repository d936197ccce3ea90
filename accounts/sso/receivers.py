"""allauth's and Django's login signals, turned into accounts.sso.services calls."""

from allauth.account.signals import user_logged_in, user_signed_up
from allauth.socialaccount.signals import social_account_added
from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

from accounts.sso import services


@receiver(user_logged_in, dispatch_uid="accounts.sso.logged_in")
def decide_from_this_login(sender, request, user, **kwargs):
    sociallogin = kwargs.get("sociallogin")
    if sociallogin is not None:
        services.record_provider_login(request, user, sociallogin)
    else:
        services.record_other_login(request, user)


@receiver(user_logged_out, dispatch_uid="accounts.sso.logged_out")
def forget_provider_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        services.forget_session(request.session.session_key)


@receiver(social_account_added, dispatch_uid="accounts.sso.linked")
def decide_from_the_linking_login(sender, request, sociallogin, **kwargs):
    # Linking from Mine sider is a login at the provider too: its claims decide the same.
    services.record_linked_login(sociallogin.user, sociallogin)


@receiver(user_signed_up, dispatch_uid="accounts.sso.signed_up")
def decide_from_the_signup_login(sender, request, user, **kwargs):
    # A new account from a provider login that still has to confirm its address is not
    # logged in yet; the login's claims already decide its assurance level and roles.
    sociallogin = kwargs.get("sociallogin")
    if sociallogin is not None:
        services.record_linked_login(user, sociallogin)
