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

from core.prepared import PreparedInsert


def _user(by):
    """The acting account, or None for the site itself (and for an anonymous visitor)."""
    if by is None or not getattr(by, "is_authenticated", False):
        return None
    return by


def record(instance, action: str, *, by, data: dict | None = None, title: str = ""):
    """Log `action` on `instance` by `by` (None: the site itself). `title` saves the query
    `str(instance)` may cost; `data` is shown nowhere but kept with the entry. Returns the
    entry (None for a model Wagtail keeps no log for).

    One INSERT: Wagtail's own `log()` saves through `full_clean()`, which reads the content
    type and the user back before inserting, two queries more inside the caller's locks."""
    entries = _entries([instance], action, by=by, data=data, title=title)
    if not entries:
        return None
    model = type(entries[0])
    insert = _INSERTS.get(model)
    if insert is None:
        insert = _INSERTS[model] = PreparedInsert(model, signals=False)
    return insert.save(entries[0])


def record_many(instances: Iterable, action: str, *, by, data: dict | None = None) -> int:
    """One entry per instance (all of one model) in a single INSERT, for bulk changes such as
    marking a whole meeting present. Returns the number of entries written."""
    entries = _entries(instances, action, by=by, data=data)
    return len(type(entries[0]).objects.bulk_create(entries)) if entries else 0


# Per log model, the INSERT of one entry built once per process (core.prepared): `record` runs
# inside the caller's locks, the course's signup lock among them. No signals, as
# bulk_create() sends none (a log entry is not content the page cache must forget).
_INSERTS: dict[type, PreparedInsert] = {}


def _entries(instances: Iterable, action: str, *, by, data: dict | None, title: str = ""):
    """The entries to write, unsaved."""
    instances = [instance for instance in instances if instance.pk is not None]
    if not instances:
        return []
    model = registry.get_log_model_for_instance(instances[0])  # scans the hooks once
    if model is None:
        return []
    if not registry.action_exists(action):
        # What full_clean() would refuse: an entry the admin could only call "Unknown".
        raise ValueError(f"The log action {action!r} has not been registered.")
    content_type = ContentType.objects.get_for_model(instances[0], for_concrete_model=False)
    user = _user(by) or get_active_log_context().user
    uuid = get_active_log_context().uuid
    now = timezone.now()
    entries = []
    for instance in instances:
        entry = model(
            content_type=content_type,
            label=title or model.objects.get_instance_title(instance),
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
    return entries


class _DataFormatter(LogFormatter):
    """The message may name values of the entry's data: "Status changed to %(to)s"."""

    value_labels: dict = {}

    def format_message(self, log_entry):
        data = dict(log_entry.data or {})
        for key, labels in self.value_labels.items():
            value = data.get(key, labels)  # a missing key is never a label's value
            if isinstance(value, str | int | None) and value in labels:
                data[key] = labels[value]
        try:
            # `%` on the message itself: an ngettext_lazy message (`"recipients"` as its
            # number) picks its singular or plural from the entry's data.
            return str(self.message % data)
        except (KeyError, TypeError, ValueError):
            # Without its values a counted message has no text of its own: its label.
            return str(self.message).split("%(")[0].rstrip(" :") or str(self.label)


def register_actions(actions, labels: dict, *, value_labels: dict | None = None) -> None:
    """Register `{action: (label, message)}` in a `register_log_actions` hook. The message
    may hold `%(key)s` placeholders filled from the entry's data (a count: the message is an
    `ngettext_lazy(singular, plural, "key")`, in the number of the key's value); `value_labels`
    (`{key: {value: label}}`, e.g. a TextChoices' `dict(choices)`) shows a stored value by
    its translated label, in the language of whoever reads the history."""
    attributes = {"value_labels": value_labels or {}}
    for action, (label, message) in labels.items():
        formatter = type(
            "Formatter", (_DataFormatter,), {"label": label, "message": message, **attributes}
        )
        actions.register_action(action)(formatter)
