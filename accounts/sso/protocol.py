"""The OpenID Connect exchanges allauth does not make for us: logout at the provider
(RP-initiated logout) and checking a back-channel logout token. Both use allauth's discovery
(`<issuer>/.well-known/openid-configuration`) and its key fetching."""

import logging

import requests
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from allauth.utils import build_absolute_uri
from django.utils.http import urlencode

logger = logging.getLogger(__name__)

BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout"


class InvalidLogoutToken(Exception):
    pass


def _discovery(request, provider_id):
    adapter = OpenIDConnectOAuth2Adapter(request, provider_id)
    return adapter.get_provider().app, adapter.openid_config


def end_session_url(request, provider_id: str) -> str | None:
    """Where to send the browser so the provider ends its session too, and then back to our
    front page; None when the provider has no end_session_endpoint or cannot be reached
    (then only our session ends)."""
    try:
        app, openid_config = _discovery(request, provider_id)
    except (SocialApp.DoesNotExist, requests.RequestException, ValueError) as error:
        logger.warning("No logout at provider %s: %s", provider_id, error)
        return None
    endpoint = openid_config.get("end_session_endpoint")
    if not endpoint:
        return None
    params = {
        "client_id": app.client_id,
        "post_logout_redirect_uri": build_absolute_uri(request, "/"),
    }
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{urlencode(params)}"


def verify_logout_token(request, provider_id: str, token: str) -> dict:
    """The claims of a back-channel logout token, once its signature (the provider's keys),
    issuer, audience, expiry, event and replay have been checked."""
    try:
        app, openid_config = _discovery(request, provider_id)
        claims = jwtkit.verify_and_decode(
            credential=token,
            keys_url=openid_config["jwks_uri"],
            issuer=openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
        )
    except (OAuth2Error, requests.RequestException, KeyError, ValueError) as error:
        raise InvalidLogoutToken(str(error)) from error
    events = claims.get("events")
    if not isinstance(events, dict) or BACKCHANNEL_LOGOUT_EVENT not in events:
        raise InvalidLogoutToken("not a back-channel logout token")
    if "nonce" in claims:
        raise InvalidLogoutToken("a logout token carries no nonce")
    if "iat" not in claims or not (claims.get("sid") or claims.get("sub")):
        raise InvalidLogoutToken("neither sid nor sub")
    return claims
