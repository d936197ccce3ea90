from functools import cache

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import SingleLineField, done_by
from core.prepared import PreparedQuery


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get(self, *args, **kwargs):
        """`User.objects.get(pk=<int>)` runs SQL built once per process (core.prepared); any
        other get() is Django's.

        That exact call is how every logged-in request loads its person: Django's
        AuthenticationMiddleware → `django.contrib.auth.get_user` → the session's backend's
        `get_user(user_id)` (ModelBackend's, which allauth's backend inherits) →
        `User._default_manager.get(pk=user_id)`. Building that query costs ~950 Python function
        calls per request. Taking the prepared path here, rather than in a backend of our own,
        leaves the backend paths stored in existing sessions valid (nobody is logged out) and
        authenticate() as it is. Same result: the same instance as the queryset builds it, the
        same `User.DoesNotExist` (ModelBackend then logs the session out; an inactive user is
        refused by ModelBackend as before). Not for another database (`using()`, `db_manager()`)
        nor for a historical model in migrations: those go through Django.
        """
        if kwargs.keys() == {"pk"} and not args and self._db is None and self.model is User:
            pk = kwargs["pk"]
            if type(pk) is int:
                user = _user_by_pk().instance(pk)
                if user is None:
                    raise User.DoesNotExist("User matching query does not exist.")
                return user
        return super().get(*args, **kwargs)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with a login. The email address is the login; we keep no username."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = SingleLineField(_("full name"), max_length=150)
    phone = models.CharField(
        _("phone number"),
        max_length=30,
        blank=True,
        help_text=_("Optional. Used only if an organiser needs to reach you quickly."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Emails and certificates are sent to you in this language."),
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the Django admin."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # MitID through the broker: the assurance level of the last MitID login (NSIS), never the
    # CPR number or any other identifier (accounts.sso).
    mitid_assurance = models.CharField(
        _("MitID assurance level"),
        max_length=12,
        blank=True,
        choices=[
            ("low", _("Low")),
            ("substantial", _("Substantial")),
            ("high", _("High")),
        ],
    )
    mitid_verified_at = models.DateTimeField(
        _("identity confirmed with MitID"), null=True, blank=True
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return (self.full_name or self.email).split(" ")[0]

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


@cache
def _user_by_pk() -> PreparedQuery:
    return PreparedQuery(lambda pk: User.objects.filter(pk=pk).order_by())


class ProviderSession(models.Model):
    """Which of our sessions a login at an OpenID Connect provider opened, so that the
    provider's back-channel logout can end them (it names its session `sid` or the person
    `sub`, never our session key)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="provider_sessions")
    provider_id = models.CharField(max_length=40)
    sub = models.CharField(max_length=255)
    sid = models.CharField(max_length=255, blank=True)
    session_key = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["provider_id", "sid"], name="accounts_ps_sid"),
            models.Index(fields=["provider_id", "sub"], name="accounts_ps_sub"),
        ]

    def __str__(self):
        return f"{self.provider_id}:{self.sub}"


class EmailOptOut(models.Model):
    """A kind of email the person has chosen not to get (reminders, messages…).

    A row means "no"; no row, the default, means "yes". The kinds are registered by the apps
    that send them (accounts.registry.register_email_kind); mails a person must get —
    confirmations, cancellations, changes to what they signed up for — have no kind and
    cannot be turned off.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="email_opt_outs")
    kind = models.CharField(_("kind of email"), max_length=40)
    created_at = models.DateTimeField(_("chosen"), default=timezone.now)

    class Meta:
        verbose_name = _("email opt-out")
        verbose_name_plural = _("email opt-outs")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="accounts_email_opt_out_unique"),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.kind}"


class InvitationBase(models.Model):
    """An invitation by email (networks, associations): what both kinds share. The link's token
    is random (256 bits, `core.tokens`) and only its SHA-256 hash is stored, so a database leak
    reveals no usable link; the link works only for an account that has verified `email`
    (`accounts.invitations`). The concrete model adds what the invitation is to, its `Meta`
    (inheriting `InvitationBase.Meta`) with names and indexes, and `__str__`."""

    email = models.EmailField(_("email address"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = done_by(_("invited by"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = done_by(_("accepted by"))
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def status(self) -> str:
        """ "accepted", "revoked", "expired" or "open", in that order of precedence."""
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"

    @property
    def is_usable(self) -> bool:
        return self.status == "open"

    def get_status_display(self) -> str:
        return {
            "accepted": _("Accepted"),
            "revoked": _("Withdrawn"),
            "expired": _("Expired"),
            "open": _("Waiting for an answer"),
        }[self.status]
