"""The login providers, configured from the environment.

Read once by the settings (`openid_connect_apps(os.environ)` builds allauth's
SOCIALACCOUNT_PROVIDERS); everything else reads them back from there with `login_providers()`,
so a test that overrides SOCIALACCOUNT_PROVIDERS changes the whole site at once. Nothing here
touches the database or the network.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from accounts.roles import Role

STAFF = "kommune"
MITID = "mitid"

# NSIS assurance levels as MitID brokers send them in `acr`.
NSIS_LEVELS = ("low", "substantial", "high")
NSIS_ACR_PREFIX = "https://data.gov.dk/concept/core/nsis/loa/"
# Two-step by default: the provider says multi-factor (RFC 8176 `amr`), or MitID at NSIS
# substantial or high (both mean two factors).
DEFAULT_STAFF_TWO_STEP_AMR = "mfa"
DEFAULT_MITID_TWO_STEP_ACR = f"{NSIS_ACR_PREFIX}Substantial,{NSIS_ACR_PREFIX}High"


@dataclass(frozen=True)
class LoginProvider:
    """What our code needs to know of one configured provider (allauth keeps the rest)."""

    provider_id: str
    role_claim: str = ""
    # Claim value → our role. Empty: the provider decides no roles.
    roles: tuple[tuple[str, Role], ...] = ()
    two_step_acr: frozenset[str] = frozenset()
    two_step_amr: frozenset[str] = frozenset()

    @property
    def is_staff_provider(self) -> bool:
        return self.provider_id == STAFF

    @property
    def decides_roles(self) -> bool:
        return bool(self.roles)

    def roles_from_claims(self, claims: Mapping) -> set[Role]:
        """The roles the current claims grant; nothing for a claim we do not know."""
        value = claims.get(self.role_claim)
        if isinstance(value, str):
            values = {value}
        elif isinstance(value, list | tuple):
            values = {item for item in value if isinstance(item, str)}
        else:
            values = set()
        return {role for claim_value, role in self.roles if claim_value in values}

    def counts_as_two_step(self, claims: Mapping) -> bool:
        acr = claims.get("acr")
        amr = claims.get("amr")
        amr_values = set(amr) if isinstance(amr, list) else set()
        return (isinstance(acr, str) and acr in self.two_step_acr) or bool(
            amr_values & self.two_step_amr
        )


def _words(value: str) -> list[str]:
    return [word.strip() for word in value.replace(";", ",").split(",") if word.strip()]


def _role(name: str) -> Role:
    for role in Role:
        if name.strip().lower() in (role.name.lower(), role.value.lower()):
            return role
    choices = ", ".join(role.name.lower() for role in Role)
    raise ValueError(f"OIDC_STAFF_ROLES: unknown role {name!r} (one of: {choices})")


def parse_role_map(value: str) -> tuple[tuple[str, Role], ...]:
    """`"kursus-admins=course_administrator,web=editor"` → ((claim value, Role), ...)."""
    pairs = []
    for item in _words(value):
        claim_value, separator, role = item.rpartition("=")
        if not separator or not claim_value.strip():
            raise ValueError(f"OIDC_STAFF_ROLES: {item!r} is not <claim value>=<role>")
        pairs.append((claim_value.strip(), _role(role)))
    return tuple(pairs)


def _app(environ: Mapping, prefix: str, provider_id: str, name: str, ours: dict) -> dict | None:
    issuer = environ.get(f"{prefix}_ISSUER", "").strip()
    client_id = environ.get(f"{prefix}_CLIENT_ID", "").strip()
    if not issuer or not client_id:
        return None
    settings = {
        "server_url": issuer.rstrip("/"),
        "oauth_pkce_enabled": True,
        "scope": environ.get(f"{prefix}_SCOPES", "openid profile email").split(),
        # Linking to an existing account by email: only an address both sides have verified
        # (accounts.sso.adapter checks ours).
        "email_authentication": True,
        "frivilligloeft": ours,
    }
    domains = _words(environ.get(f"{prefix}_VERIFIED_EMAIL_DOMAINS", ""))
    if domains:
        settings["verified_email"] = domains
    return {
        "provider_id": provider_id,
        "name": name,
        "client_id": client_id,
        "secret": environ.get(f"{prefix}_CLIENT_SECRET", ""),
        "settings": settings,
    }


def openid_connect_apps(environ: Mapping) -> list[dict]:
    """allauth's APPS for the providers the environment configures (none, one or both)."""
    staff = _app(
        environ,
        "OIDC_STAFF",
        STAFF,
        "Kommunens konto",
        {
            "role_claim": environ.get("OIDC_STAFF_ROLE_CLAIM", "groups").strip(),
            "roles": [
                [value, role.value]
                for value, role in parse_role_map(environ.get("OIDC_STAFF_ROLES", ""))
            ],
            "two_step_acr": _words(environ.get("OIDC_STAFF_TWO_STEP_ACR", "")),
            "two_step_amr": _words(
                environ.get("OIDC_STAFF_TWO_STEP_AMR", DEFAULT_STAFF_TWO_STEP_AMR)
            ),
        },
    )
    mitid = _app(
        environ,
        "MITID_BROKER",
        MITID,
        "MitID",
        {
            "two_step_acr": _words(
                environ.get("MITID_BROKER_TWO_STEP_ACR", DEFAULT_MITID_TWO_STEP_ACR)
            ),
            "two_step_amr": _words(environ.get("MITID_BROKER_TWO_STEP_AMR", "")),
        },
    )
    if staff and mitid and staff["client_id"] == mitid["client_id"]:
        # allauth tells the two apart by client id (e.g. in a signup that waits for a form).
        raise ValueError("OIDC_STAFF_CLIENT_ID and MITID_BROKER_CLIENT_ID must differ")
    return [app for app in (staff, mitid) if app]


def socialaccount_providers(environ: Mapping) -> dict:
    apps = openid_connect_apps(environ)
    return {"openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": apps}} if apps else {}


def provider_origins(environ: Mapping) -> list[str]:
    """The providers' origins, for the Content-Security-Policy's form-action: a login button
    posts to us and we redirect to the provider, and browsers apply form-action to redirects.
    (A provider whose authorization endpoint lives elsewhere than its issuer names it in
    CSP_FORM_ACTION_ORIGINS.)"""
    origins = []
    for app in openid_connect_apps(environ):
        parts = urlsplit(app["settings"]["server_url"])
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in origins:
            origins.append(origin)
    return origins


def login_providers() -> dict[str, LoginProvider]:
    """The configured providers by id, in the order of the login page."""
    from django.conf import settings

    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    providers = {}
    for app in apps:
        ours = app.get("settings", {}).get("frivilligloeft", {})
        providers[app["provider_id"]] = LoginProvider(
            provider_id=app["provider_id"],
            role_claim=ours.get("role_claim", ""),
            roles=tuple((value, Role(role)) for value, role in ours.get("roles", [])),
            two_step_acr=frozenset(ours.get("two_step_acr", [])),
            two_step_amr=frozenset(ours.get("two_step_amr", [])),
        )
    return providers


def assurance_level(acr) -> str:
    """The NSIS level in a MitID `acr` ("substantial"), or "" for anything else."""
    if isinstance(acr, str) and acr.startswith(NSIS_ACR_PREFIX):
        level = acr.removeprefix(NSIS_ACR_PREFIX).lower()
        if level in NSIS_LEVELS:
            return level
    return ""
