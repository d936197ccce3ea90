"""Personal calendar links. The link carries a random token; only its SHA-256 hash is stored,
so a copy of the database cannot be turned into working feed URLs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedToken(models.Model):
    """The one live personal-feed token of a person. Regenerating replaces the hash, so the
    old link stops working at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feed_token",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"
