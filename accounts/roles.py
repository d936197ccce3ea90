"""Staff roles. They are Django groups (created by a data migration) so staff can be given a
role in the Wagtail admin's user screen; the names are Danish because the groups are data.

Roles are decided from the current data at request time. Within one request they are read
once: `RequestAccessMiddleware` marks the request's user, and the first role or permission
question about that user loads its group names and its permissions in one query
(`load_access`), kept on that user object for the rest of the request only — the next request
loads a fresh user and asks again. A user object that did not come from a request (services,
tests, management commands) is asked the database on every call, as before.
"""

from enum import StrEnum
from functools import cache

# Set on the request's user by accounts.middleware.RequestAccessMiddleware: a dict that holds
# what this request has loaded about the person ("roles": their group names).
REQUEST_MEMO = "_request_access"


class Role(StrEnum):
    COURSE_ADMINISTRATOR = "Kursusadministrator"
    EDITOR = "Redaktør"
    VOLUNTEER_CONSULTANT = "Frivilligkonsulent"


def start_request_memo(user):
    """Mark `user` (the request's user, loaded for this request) as remembering its access."""
    if user.is_authenticated:
        setattr(user, REQUEST_MEMO, {})
    return user


def load_access(user) -> None:
    """Load the request user's group names and permissions in one query.

    The permissions go where Django's ModelBackend keeps them on the user object
    (`_user_perm_cache`, `_group_perm_cache`), exactly as it would have loaded them with two
    queries, so `user.has_perm(...)` (Wagtail's user bar, the admin) asks nothing more in this
    request. Only for a user marked by the middleware; a superuser's permissions are not
    loaded (has_perm answers True without them).
    """
    memo = getattr(user, REQUEST_MEMO, None)
    if memo is None or "roles" in memo:
        return
    found = {"role": set(), "user": set(), "group": set()}
    for kind, first, second in _access_rows(user, with_permissions=_needs_permissions(user)):
        found[kind].add(first if kind == "role" else f"{first}.{second}")
    memo["roles"] = frozenset(found["role"])
    if _needs_permissions(user):
        if not hasattr(user, "_user_perm_cache"):
            user._user_perm_cache = found["user"]
        if not hasattr(user, "_group_perm_cache"):
            user._group_perm_cache = found["group"]


def load_permissions(user) -> None:
    """Before a `has_perm` question: load them with the roles in one query unless already here."""
    if _needs_permissions(user):
        load_access(user)


def _needs_permissions(user) -> bool:
    """Whether ModelBackend would still query this user's permissions."""
    if not user.is_active or user.is_superuser:
        return False
    return not (hasattr(user, "_user_perm_cache") and hasattr(user, "_group_perm_cache"))


@cache
def _access_sql(with_permissions: bool) -> str:
    """One statement: a UNION ALL over Django's own auth tables, named from the models' metadata.

    Written out and built once per process: composed with the ORM, the same query costs about
    a thousand Python calls on every logged-in page. Only identifiers are put in; the user's
    id is a parameter.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    q = connection.ops.quote_name
    user_groups = get_user_model()._meta.get_field("groups")
    user_perms = get_user_model()._meta.get_field("user_permissions")
    group_perms = Group._meta.get_field("permissions")
    ug = q(user_groups.m2m_db_table())
    ug_user, ug_group = q(user_groups.m2m_column_name()), q(user_groups.m2m_reverse_name())
    sql = (
        f"SELECT 'role', g.{q('name')}, '' FROM {q(Group._meta.db_table)} g"  # noqa: S608
        f" JOIN {ug} ug ON ug.{ug_group} = g.{q('id')} WHERE ug.{ug_user} = %s"
    )
    if with_permissions:
        permission = (
            f"ct.{q('app_label')}, p.{q('codename')} FROM {q(Permission._meta.db_table)} p"
            f" JOIN {q(ContentType._meta.db_table)} ct ON ct.{q('id')} = p.{q('content_type_id')}"
        )
        up, gp = q(user_perms.m2m_db_table()), q(group_perms.m2m_db_table())
        sql += (
            f" UNION ALL SELECT 'user', {permission}"
            f" JOIN {up} up ON up.{q(user_perms.m2m_reverse_name())} = p.{q('id')}"
            f" WHERE up.{q(user_perms.m2m_column_name())} = %s"
            f" UNION ALL SELECT 'group', {permission}"
            f" JOIN {gp} gp ON gp.{q(group_perms.m2m_reverse_name())} = p.{q('id')}"
            f" JOIN {ug} ug ON ug.{ug_group} = gp.{q(group_perms.m2m_column_name())}"
            f" WHERE ug.{ug_user} = %s"
        )
    return sql


def _access_rows(user, with_permissions: bool):
    """(kind, a, b) rows: ("role", group name, ""), ("user"/"group", app label, codename)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(_access_sql(with_permissions), [user.pk] * (3 if with_permissions else 1))
        return cursor.fetchall()


def has_role(user, role: Role) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    memo = getattr(user, REQUEST_MEMO, None)
    if memo is None:
        return any(group.name == role for group in user.groups.all())
    load_access(user)
    return role in memo["roles"]


def people_with_role(role: Role):
    """Active accounts that have `role` now (for mail to, e.g., every volunteer consultant)."""
    from accounts.models import User

    return User.objects.filter(groups__name=role, is_active=True).order_by("full_name", "email")
