"""Who did what to which object, in Wagtail's history (issue 19).

Every service that changes something calls `record(instance, action, by=by)` inside its own
transaction, after the change: a change that is rolled back, or refused with a ServiceError,
leaves no log row. The entry is Wagtail's own (`ModelLogEntry`, `PageLogEntry` for pages), so
the object's "History" view in the admin lists it. `by=None` (the site itself: demo data,
background tasks, signal handlers) is logged without a user.

Action names are Wagtail's built-ins ("wagtail.create", "wagtail.edit", "wagtail.delete")
where they fit, otherwise `frivilligloeft.<app>.<verb>`, registered with a translated label in
the app's `wagtail_hooks.py` through `register_actions` (an unregistered name would show as
"Unknown" in the admin).
"""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import LogFormatter, get_active_log_context, registry
from wagtail.log_actions import log as wagtail_log


def _user(by):
    """The acting account, or None for the site itself (and for an anonymous visitor)."""
    if by is None or not getattr(by, "is_authenticated", False):
        return None
    return by


def record(instance, action: str, *, by, data: dict | None = None, title: str = ""):
    """Log `action` on `instance` by `by` (None: the site itself). `title` saves the query
    `str(instance)` may cost; `data` is shown nowhere but kept with the entry."""
    return wagtail_log(instance, action, user=_user(by), data=data or {}, title=title or None)


def record_many(instances: Iterable, action: str, *, by, data: dict | None = None) -> int:
    """One entry per instance (all of one model) in a single INSERT, for bulk changes such as
    marking a whole meeting present. Returns the number of entries written."""
    instances = [instance for instance in instances if instance.pk is not None]
    if not instances:
        return 0
    registry.scan_for_actions()
    model = registry.get_log_model_for_instance(instances[0])
    if model is None:
        return 0
    content_type = ContentType.objects.get_for_model(instances[0], for_concrete_model=False)
    user = _user(by) or get_active_log_context().user
    uuid = get_active_log_context().uuid
    now = timezone.now()
    entries = []
    for instance in instances:
        entry = model(
            content_type=content_type,
            label=str(instance) or f"{instance.__class__.__name__} ({instance.pk})",
            action=action,
            timestamp=now,
            data=data or {},
            user=user,
            uuid=uuid,
        )
        if hasattr(entry, "page_id"):
            entry.page_id = instance.pk
        else:
            entry.object_id = str(instance.pk)
        entries.append(entry)
    model.objects.bulk_create(entries)
    return len(entries)


class _DataFormatter(LogFormatter):
    """The message may name values of the entry's data: "Status changed to %(to)s"."""

    def format_message(self, log_entry):
        try:
            return str(self.message) % (log_entry.data or {})
        except (KeyError, TypeError, ValueError):
            return str(self.message).split("%(")[0].rstrip(" :")


def register_actions(actions, labels: dict) -> None:
    """Register `{action: (label, message)}` in a `register_log_actions` hook. The message
    may hold `%(key)s` placeholders filled from the entry's data."""
    for action, (label, message) in labels.items():
        formatter = type("Formatter", (_DataFormatter,), {"label": label, "message": message})
        actions.register_action(action)(formatter)
