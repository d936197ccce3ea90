"""System checks for the Open Badges signing key (certificates.credentials.keys).

A key that is configured but cannot be read is an error on every `manage.py check` (and so at
start-up). A production site with no key at all still works — only the Open Badges endpoints
answer 503 and log an error — so `check --deploy` says so as information, not as a warning
that would stop a release of a site that has not set Open Badges up yet.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from certificates.credentials import keys


@checks.register(checks.Tags.security)
def open_badges_keys_readable(app_configs, **kwargs):
    configured = settings.CREDENTIAL_SIGNING_KEY or settings.CREDENTIAL_SIGNING_KEY_FILE
    try:
        if configured:
            keys.signing_key()
        keys.retired_keys()
    except ImproperlyConfigured as error:
        return [
            checks.Error(
                f"Open Badges signing keys: {error}",
                hint="See docs/operations.md, »Open Badges keys«.",
                id="certificates.E001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def open_badges_key_configured(app_configs, **kwargs):
    if (
        settings.CREDENTIAL_SIGNING_KEY
        or settings.CREDENTIAL_SIGNING_KEY_FILE
        or settings.CREDENTIAL_SIGNING_KEY_GENERATE
    ):
        return []
    return [
        checks.Info(
            "No Open Badges signing key: certificates' credentials, the DID document and the "
            "status list answer 503 until one is set.",
            hint="Set CREDENTIAL_SIGNING_KEY_FILE (docs/operations.md, »Open Badges keys«).",
            id="certificates.I001",
        )
    ]
