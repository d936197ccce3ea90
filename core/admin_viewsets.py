"""What every Wagtail admin viewset of ours needs beyond Wagtail's defaults, in one mixin.

`SafeViewSetMixin` goes first in the bases of a `ModelViewSet` or `SnippetViewSet`:

- The listing's search box takes at most `MAX_SEARCH_LENGTH` characters: our lists search
  the database (`search_fields`, icontains), and SQLite refuses a LIKE pattern over 50 000
  bytes (a pasted page answered 500). Lists of models in the search index set
  `search_backend_name = None` for the same lookups: Wagtail's index search limited to
  fields answered "no such column" on SQLite, and the index lacks fields staff search by.
- Deleting something that other rows protect (a course with signups, a school with
  placements) shows a message instead of a 500: Wagtail's delete view only knows the
  references its own index tracks.
- "Copy" is off: a viewset whose rows may be copied sets `copy_view_enabled = True`.
- `without_views(patterns, names, *replacements)` is what a viewset's `get_urlpatterns` returns
  when it leaves views out (or puts a view of its own under a left-out name).
- `exists_filter(label, condition)` is a list filter "yes / no / all" on whether the rows
  meet `condition` (an `Exists` the app's queries make: has an admin, has a coordinator).
- `missing_views` names the views a viewset leaves out of its URLs (a read-only list): the
  views it keeps must not link to them. Wagtail links "Add" and "Delete" for everyone who has
  the permission, and a superuser has every permission: reversing the missing URL answered
  superusers with a 500 on the list itself. Without "edit", the admin's URL finder (used by
  "where is this used" and the history of related objects) finds no edit link either.
"""

import django_filters
from django.contrib import messages
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.widgets import BooleanRadioSelect

MAX_SEARCH_LENGTH = 200


class SafeSearchIndexViewMixin:
    @cached_property
    def search_query(self):
        return super().search_query[:MAX_SEARCH_LENGTH]


class ProtectedDeleteViewMixin:
    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (ProtectedError, RestrictedError) as error:
            objects = getattr(error, "protected_objects", None) or error.restricted_objects
            kinds = sorted({str(obj._meta.verbose_name_plural) for obj in objects})
            messages.error(
                self.request,
                _("“%(object)s” cannot be deleted while it has %(records)s.")
                % {"object": self.object, "records": ", ".join(kinds)},
            )
            return redirect(self.request.path)


def _with(mixin, view_class):
    if issubclass(view_class, mixin):
        return view_class
    return type(view_class.__name__, (mixin, view_class), {"__module__": __name__})


def _no_url(self, instance):
    return None


class SafeViewSetMixin:
    missing_views: tuple[str, ...] = ()
    # Wagtail's "Copy" is left out (a copy would skip the services); a viewset whose rows may
    # be copied as they are turns it back on.
    copy_view_enabled = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.index_view_class = _with(SafeSearchIndexViewMixin, cls.index_view_class)
        cls.delete_view_class = _with(ProtectedDeleteViewMixin, cls.delete_view_class)

    def get_common_view_kwargs(self, **kwargs):
        for view in self.missing_views:
            kwargs.setdefault(f"{view}_url_name", None)
        return super().get_common_view_kwargs(**kwargs)

    @property
    def url_finder_class(self):
        """Without an edit view, Wagtail's "where is this used" and history screens find no
        edit link for the model's objects (reversing the missing URL answered 500)."""
        if "edit" not in self.missing_views:
            return super().url_finder_class
        return type("_NoEditURLFinder", (ModelAdminURLFinder,), {"construct_edit_url": _no_url})


def without_views(patterns, names, *replacements):
    """A viewset's URL patterns without the views `names`, then `replacements` (views of our
    own, some under a left-out name: an edit that goes through the services)."""
    return [*(p for p in patterns if p.name not in names), *replacements]


def exists_filter(label, condition) -> django_filters.BooleanFilter:
    """A yes/no filter of an admin list: the rows where `condition()` holds, or where it does
    not; unanswered, all rows."""

    def filter_rows(queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(condition()) if value else queryset.exclude(condition())

    return django_filters.BooleanFilter(label=label, method=filter_rows, widget=BooleanRadioSelect)
