"""Staff roles. They are Django groups (created by a data migration) so staff can be given a
role in the Wagtail admin's user screen; the names are Danish because the groups are data."""

from enum import StrEnum


class Role(StrEnum):
    COURSE_ADMINISTRATOR = "Kursusadministrator"
    EDITOR = "Redaktør"
    VOLUNTEER_CONSULTANT = "Frivilligkonsulent"


def has_role(user, role: Role) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(group.name == role for group in user.groups.all())
