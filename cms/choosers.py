"""Admin choosers the CMS needs for models it does not own (related courses on guides)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from core.search import search_words
from courses.models import Course, CourseStatus


class CourseFilterForm(SearchFilterMixin, BaseFilterForm):
    def clean_q(self):
        # Words only, as on the site (core.search): a quote or "AND" reached SQLite's
        # full-text parser and the chooser answered 500.
        return search_words(self.cleaned_data.get("q") or "")


class PublishedCoursesMixin:
    """Editors relate guides to courses people can actually sign up for."""

    filter_form_class = CourseFilterForm

    def get_object_list(self):
        return Course.objects.filter(status=CourseStatus.PUBLISHED).order_by("starts_at", "title")


class CourseChooseView(PublishedCoursesMixin, ChooseView):
    pass


class CourseChooseResultsView(PublishedCoursesMixin, ChooseResultsView):
    pass


class CourseChooserViewSet(ChooserViewSet):
    model = Course
    icon = "calendar"
    choose_one_text = _("Choose a course")
    choose_another_text = _("Choose another course")
    choose_view_class = CourseChooseView
    choose_results_view_class = CourseChooseResultsView
    # Courses are created in the courses admin, never from inside a guide.
    creation_form_class = None
    form_fields = None


course_chooser_viewset = CourseChooserViewSet("cms_course_chooser", url_prefix="cms/kursusvalg")
