"""The shared vocabulary of the apps above: topics (competence areas) and audiences.

`Topic` was born in `courses` and its table keeps that name (`courses_topic`): moving the
model here changed no data (see migrations/0001_initial.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.language import in_active_language
from core.models import SingleLineField


class Audience(models.TextChoices):
    """Whom a course or a network is for."""

    BOARD_MEMBERS = "board", _("Board members")
    VOLUNTEER_LEADERS = "leaders", _("Volunteer leaders")
    ALL_VOLUNTEERS = "all", _("All volunteers")
    YOUNG_VOLUNTEERS = "young", _("Young volunteers")


class Vocabulary(models.Model):
    """A word of a shared list with a Danish and an optional English name (topics, association
    categories): unique name and slug, ordered by name, shown in the active language."""

    name = SingleLineField(_("name"), max_length=80, unique=True)
    name_en = SingleLineField(_("name in English"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the active language (English falls back to Danish)."""
        return in_active_language(self.name, self.name_en)


class Topic(Vocabulary):
    """A competence area (kompetenceområde), e.g. "Bestyrelsesarbejde"."""

    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)

    class Meta(Vocabulary.Meta):
        db_table = "courses_topic"
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    @property
    def display_description(self) -> str:
        return in_active_language(self.description, self.description_en)
