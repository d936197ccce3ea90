"""The board's duties: the yearly child-record (børneattest) declaration and the competences
it says it needs."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from associations.models import Association, BoardCompetenceNeed, ChildRecordDeclaration
from associations.services.common import AssociationError, lock, require_admin
from core.audit import record
from taxonomy.models import Topic

PREFIX = "frivilligloeft.associations."


def declare_child_records(
    association: Association, year: int | None = None, *, by, now: datetime | None = None
) -> ChildRecordDeclaration:
    """Record that the association has obtained børneattester for `year` (default this year).

    Only this year and next year can be declared. Declaring again returns the existing
    declaration unchanged (who declared first stays on record). `now`: when it is declared
    (the demo declares last year's a year ago).
    """
    require_admin(by, association)
    now = now or timezone.now()
    this_year = timezone.localtime(now).year
    year = year or this_year
    if year not in (this_year, this_year + 1):
        raise AssociationError(_("You can declare child-record checks for this year or next year."))
    with transaction.atomic():
        association = lock(association)
        declaration, _created = ChildRecordDeclaration.objects.get_or_create(
            association=association,
            year=year,
            defaults={"declared_by": by, "declared_at": now},
        )
        if _created:
            record(association, f"{PREFIX}child_records_declared", by=by, data={"year": year})
    return declaration


def add_competence_need(
    association: Association, topic: Topic, note: str = "", *, by
) -> BoardCompetenceNeed:
    """The board says it needs competence in `topic`. Adding it again updates the note."""
    require_admin(by, association)
    with transaction.atomic():
        need, _created = BoardCompetenceNeed.objects.update_or_create(
            association=association, topic=topic, defaults={"note": note.strip()}
        )
        record(association, f"{PREFIX}competence_need_added", by=by, data={"topic": str(topic)})
    return need


def remove_competence_need(need: BoardCompetenceNeed, *, by) -> None:
    require_admin(by, need.association)
    with transaction.atomic():
        record(
            need.association,
            f"{PREFIX}competence_need_removed",
            by=by,
            data={"topic": str(need.topic)},
        )
        need.delete()
