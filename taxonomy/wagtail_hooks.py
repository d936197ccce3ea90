"""Topics in the Wagtail admin. The viewset is not registered here: courses shows it in its
"Courses" menu (courses.wagtail_hooks.CoursesGroup), where course administrators have
always found it; its address is /admin/snippets/taxonomy/topic/."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_viewsets import SafeViewSetMixin
from taxonomy.models import Topic


class TopicViewSet(SafeViewSetMixin, SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    search_backend_name = None
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_en"),
    ]
