"""Schools and their coordinators."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import SingleLineField


class SchoolType(models.TextChoices):
    FOLKESKOLE = "folkeskole", _("Public school (folkeskole)")
    FRISKOLE = "friskole", _("Free or private school")
    EFTERSKOLE = "efterskole", _("Continuation school (efterskole)")
    GYMNASIUM = "gymnasium", _("Upper secondary school (gymnasium/HF)")
    ERHVERVSSKOLE = "erhvervsskole", _("Vocational school")
    TIENDE_KLASSE = "10-klasse", _("10th grade centre")


class School(models.Model):
    name = SingleLineField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    school_type = models.CharField(_("type of school"), max_length=20, choices=SchoolType.choices)
    address = SingleLineField(_("address"), max_length=250, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    town = SingleLineField(_("town"), max_length=100, blank=True)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("The school's office; used when no coordinator is set.")
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="SchoolCoordinator",
        verbose_name=_("school coordinators"),
        related_name="coordinated_schools",
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def full_address(self) -> str:
        place = " ".join(part for part in (self.postcode, self.town) if part)
        return ", ".join(part for part in (self.address, place) if part)


class SchoolCoordinator(models.Model):
    """A person who arranges internships and theme weeks on behalf of a school."""

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="coordinator_roles"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="school_coordinator_roles",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("school coordinator")
        verbose_name_plural = _("school coordinators")
        constraints = [
            models.UniqueConstraint(fields=["school", "user"], name="schools_one_coordinator_row"),
        ]

    def __str__(self):
        return f"{self.user} – {self.school}"
