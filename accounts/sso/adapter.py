from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.urls import reverse

from accounts.sso import config

# What we keep of a login's claims (SocialAccount.extra_data): who it was and how they logged
# in. Everything else a provider sends — a MitID broker's CPR number, group lists, addresses —
# is dropped before anything is saved.
KEPT_ID_TOKEN_CLAIMS = ("iss", "sub", "acr", "amr", "auth_time", "sid")
KEPT_USERINFO_CLAIMS = ("sub", "email", "email_verified")


def current_claims(extra_data: dict) -> dict:
    """The login's claims: the ID token's, and the userinfo answer's over them."""
    if "id_token" in extra_data or "userinfo" in extra_data:
        return {**(extra_data.get("id_token") or {}), **(extra_data.get("userinfo") or {})}
    return dict(extra_data)


def login_facts(provider_id: str, extra_data: dict) -> dict:
    """What this login means here, decided from its own claims: roles, two-step, assurance."""
    provider = config.login_providers().get(provider_id)
    claims = current_claims(extra_data)
    id_token = extra_data.get("id_token") or {}
    if provider is None:
        return {"roles": [], "two_step": False, "assurance": "", "sid": ""}
    return {
        "roles": sorted(provider.roles_from_claims(claims)),
        "two_step": provider.counts_as_two_step(id_token or claims),
        "assurance": config.assurance_level(id_token.get("acr") or claims.get("acr")),
        "sid": str(id_token.get("sid") or ""),
    }


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """allauth's social login, adapted: a full name, the least data kept, and linking to an
    existing account only by an address verified on both sides."""

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part
        )
        # One line, whatever the provider sends (the name is printed on certificates).
        user.full_name = " ".join(str(name or "").split())[:150]
        raw = sociallogin.account.extra_data or {}
        facts = login_facts(sociallogin.account.provider, raw)
        id_token = raw.get("id_token") or {}
        userinfo = raw.get("userinfo") or {}
        sociallogin.account.extra_data = {
            "id_token": {key: id_token[key] for key in KEPT_ID_TOKEN_CLAIMS if key in id_token},
            "userinfo": {key: userinfo[key] for key in KEPT_USERINFO_CLAIMS if key in userinfo},
            "frivilligloeft": facts,
        }
        return user

    def authenticate_by_email(self, sociallogin):
        # allauth would also pick an account whose address nobody has confirmed (and then
        # wipe its password); we link only to an address the person has verified with us.
        for address in sociallogin.email_addresses:
            if not address.verified or not self.can_authenticate_by_email(
                sociallogin, address.email
            ):
                continue
            local = (
                EmailAddress.objects.filter(email__iexact=address.email, verified=True)
                .select_related("user")
                .first()
            )
            if local is not None:
                return local.user, local.email
        return None

    def get_connect_redirect_url(self, request, socialaccount):
        return reverse("accounts:linked_logins")
