"""Topics in the Wagtail admin. The viewset is not registered here: courses shows it in its
"Courses" menu (courses.wagtail_hooks.CoursesGroup), where course administrators have
always found it; its address is /admin/snippets/taxonomy/topic/ (the old
/admin/snippets/courses/topic/… redirects there)."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_viewsets import SafeViewSetMixin
from taxonomy.models import Topic


class TopicViewSet(SafeViewSetMixin, SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    copy_view_enabled = True
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    search_backend_name = None
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_en"),
    ]


def _moved(request, rest=""):
    """Bookmarks from before the move (the address was /admin/snippets/courses/topic/…)."""
    target = f"{reverse('wagtailsnippets_taxonomy_topic:list')}{rest}"
    if request.META.get("QUERY_STRING"):
        target = f"{target}?{request.META['QUERY_STRING']}"
    return redirect(target, permanent=True)


@hooks.register("register_admin_urls")
def topic_addresses_before_the_move():
    return [
        path("snippets/courses/topic/", _moved),
        path("snippets/courses/topic/<path:rest>", _moved),
    ]
