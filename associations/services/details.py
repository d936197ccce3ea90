"""Registering an association, changing its details, and staff's verification."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from associations.models import Association, AssociationRole, RoleKind
from associations.services.common import AssociationError, apply, lock, require_admin
from core.audit import record
from core.slugs import save_with_unique_slug

ASSOCIATION_FIELDS = (
    "name",
    "cvr",
    "summary",
    "description",
    "town",
    "address",
    "website",
    "email",
    "phone",
    "logo",
    "is_public",
)


VERIFIED = "frivilligloeft.associations.verified"
UNVERIFIED = "frivilligloeft.associations.unverified"


def create_association(data: dict, *, by, role: str = RoleKind.CHAIR) -> Association:
    """Create an association; the person registering it (`by`) becomes its first admin (with
    `role`).

    `data` holds the editable fields (see ASSOCIATION_FIELDS) and optionally `categories`.
    """
    if not by.is_authenticated:
        raise AssociationError(_("Log in to register an association."))
    data = dict(data)
    with transaction.atomic():
        _logo_from(data, data.get("name", ""))
        association = Association()
        apply(association, data, ASSOCIATION_FIELDS)
        save_with_unique_slug(association, association.name, fallback="forening")
        if "categories" in data:
            association.categories.set(data["categories"])
        AssociationRole.objects.create(association=association, user=by, role=role, is_admin=True)
        record(association, "wagtail.create", by=by)
    return association


def _logo_from(data: dict, name: str) -> None:
    """An uploaded logo becomes a Wagtail image (staff find it in the image library)."""
    upload = data.pop("logo_upload", None)
    if data.pop("remove_logo", False):
        data["logo"] = None
    if upload:
        data["logo"] = get_image_model().objects.create(
            title=gettext("Logo: %(name)s") % {"name": name}, file=upload
        )


def update_association(association: Association, data: dict, *, by) -> Association:
    """Change the association's details. Only its admins; the slug stays, so links keep working."""
    require_admin(by, association)
    data = dict(data)
    with transaction.atomic():
        association = lock(association)
        _logo_from(data, data.get("name", association.name))
        apply(association, data, ASSOCIATION_FIELDS)
        association.save()
        if "categories" in data:
            association.categories.set(data["categories"])
        record(association, "wagtail.edit", by=by)
    return association


def verify_association(association: Association, *, by) -> Association:
    """Staff confirm the association is real (shown as "verified" in the directory)."""
    if not by.is_staff:
        raise AssociationError(_("Only staff can verify associations."))
    with transaction.atomic():
        association = lock(association)
        if not association.verified_by_staff:
            association.verified_by_staff = True
            association.verified_at = timezone.now()
            association.save(update_fields=["verified_by_staff", "verified_at", "updated_at"])
            record(association, VERIFIED, by=by)
    return association


def unverify_association(association: Association, *, by) -> Association:
    """Staff withdraw the verification (e.g. the association has closed down)."""
    if not by.is_staff:
        raise AssociationError(_("Only staff can verify associations."))
    with transaction.atomic():
        Association.objects.filter(pk=association.pk).update(
            verified_by_staff=False, verified_at=None, updated_at=timezone.now()
        )
        record(association, UNVERIFIED, by=by)
    association.verified_by_staff, association.verified_at = False, None
    return association
