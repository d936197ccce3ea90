"""The CMS's place in the Wagtail admin.

- An "Indhold" (content) menu gathers what editors manage besides the page tree: documents,
  images and the review report. Other apps add their own menus through their own hooks.
- The accessibility checker (userbar and the editor's Checks panel) runs all WCAG 2.1 A/AA
  rules, the same rules the site's tests hold every page to.
- Saving a story whose consent is withdrawn takes it down at once.
- The editors' dashboard panel: guides due for review, pages in moderation, stories whose
  signed consent is not filed yet (no "where the consent is kept").
"""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.documents.wagtail_hooks import DocumentsMenuItem
from wagtail.images.wagtail_hooks import ImagesMenuItem
from wagtail.models import Page, WorkflowState, get_default_page_content_type
from wagtail.permission_policies.pages import PagePermissionPolicy

from accounts.roles import Role
from cms.choosers import course_chooser_viewset
from cms.reports import (
    GuidesDueForReviewView,
    StoriesAwaitingConsentView,
    guides_due_for_review,
    stories_awaiting_consent,
)
from cms.services import enforce_story_consent
from core import page_cache
from core.admin_dashboard import DashboardItem, DashboardPanel
from core.audit import register_actions
from core.dates import local_date

CONTENT_MENU_HOOK = "register_cms_content_menu_item"


@hooks.register("register_admin_viewset")
def register_course_chooser():
    return course_chooser_viewset


def _report_urls(address: str, view, name: str) -> list:
    """A report's page and the results its filters fetch (Wagtail's `<name>_results`)."""
    return [
        path(f"reports/{address}/", view.as_view(), name=name),
        path(
            f"reports/{address}/results/", view.as_view(results_only=True), name=f"{name}_results"
        ),
    ]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        *_report_urls(
            "vejledninger-til-gennemsyn", GuidesDueForReviewView, "cms_guides_due_for_review"
        ),
        *_report_urls(
            "historier-uden-arkiveret-samtykke",
            StoriesAwaitingConsentView,
            "cms_stories_awaiting_consent",
        ),
    ]


class PageEditorMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


def _review_report_item(order):
    return PageEditorMenuItem(
        _("Guides due for review"),
        reverse("cms_guides_due_for_review"),
        name="guides-due-for-review",
        icon_name="time",
        order=order,
    )


@hooks.register("register_reports_menu_item")
def register_review_report_in_reports():
    return _review_report_item(order=1200)


@hooks.register(CONTENT_MENU_HOOK)
def register_review_report_in_content_menu():
    return _review_report_item(order=300)


@hooks.register(CONTENT_MENU_HOOK)
def register_documents_in_content_menu():
    return DocumentsMenuItem(
        _("Documents"),
        reverse("wagtaildocs:index"),
        name="content-documents",
        icon_name="doc-full-inverse",
        order=100,
    )


@hooks.register(CONTENT_MENU_HOOK)
def register_images_in_content_menu():
    return ImagesMenuItem(
        _("Images"),
        reverse("wagtailimages:index"),
        name="content-images",
        icon_name="image",
        order=200,
    )


class ContentMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return bool(self.menu.menu_items_for_request(request))


@hooks.register("register_admin_menu_item")
def register_content_menu():
    return ContentMenuItem(
        _("Content"),
        Menu(register_hook_name=CONTENT_MENU_HOOK),
        name="content",
        icon_name="folder-open-inverse",
        order=150,
    )


@hooks.register("construct_main_menu")
def move_documents_and_images_into_content_menu(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name not in ("documents", "images")]


class WcagContentChecker(ContentCheckerItem):
    """Wagtail's checker with every WCAG 2.1 A and AA rule, plus Wagtail's own content rules."""

    axe_run_only = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

    def get_axe_rules(self, request):
        # Keep Wagtail's own content checks (alt text quality, meta description) switched on.
        rules = dict(super().get_axe_rules(request))
        for rule in self.axe_custom_rules:
            rules.setdefault(rule["id"], {"enabled": True})
        return rules


@hooks.register("construct_wagtail_userbar")
def use_wcag_content_checker(request, items, page):
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, WcagContentChecker):
            items[index] = WcagContentChecker(in_editor=item.in_editor)


def _enforce_consent(request, page):
    if enforce_story_consent(page, by=request.user):
        messages.warning(
            request,
            _("The consent is withdrawn, so the story has been unpublished in every language."),
        )


@hooks.register("after_edit_page")
def take_down_story_after_edit(request, page):
    _enforce_consent(request, page)


@hooks.register("after_create_page")
def take_down_story_after_create(request, page):
    _enforce_consent(request, page)


@hooks.register("before_serve_page")
def allow_anonymous_page_cache(page, request, serve_args, serve_kwargs):
    # Served pages are the same for every anonymous visitor; core.page_cache decides per
    # request whether this one may be stored (no session, no CSRF token, a plain 200).
    page_cache.mark(request)


class EditorPanel(DashboardPanel):
    """Editors: guides to review, pages waiting in moderation, stories without a filed
    consent."""

    name = "editor_work"
    heading = _("Content")
    groups = (Role.EDITOR,)
    order = 130

    def get_items(self, request):
        guides = guides_due_for_review()
        in_moderation = WorkflowState.objects.active().filter(
            base_content_type_id=get_default_page_content_type().id
        )
        moderated_ids = in_moderation.order_by("-created_at").values_list("object_id", flat=True)
        moderated = Page.objects.filter(
            pk__in=[int(pk) for pk in moderated_ids[:5] if pk.isdigit()]
        ).order_by("title")
        stories = stories_awaiting_consent()

        def edit_rows(pages, detail=lambda page: ""):
            return [
                (page.title, reverse("wagtailadmin_pages:edit", args=[page.pk]), detail(page))
                for page in pages[:5]
            ]

        return [
            DashboardItem(
                _("Guides due for review"),
                guides.count(),
                reverse("cms_guides_due_for_review"),
                rows=edit_rows(
                    guides, lambda page: local_date(page.last_reviewed, "SHORT_DATE_FORMAT")
                ),
            ),
            DashboardItem(
                _("Pages in moderation"),
                in_moderation.count(),
                reverse("wagtailadmin_reports:workflow"),
                rows=edit_rows(moderated),
            ),
            DashboardItem(
                _("Stories awaiting a filed consent"),
                stories.count(),
                reverse("cms_stories_awaiting_consent"),
                rows=edit_rows(stories, lambda page: page.consent_given_by),
            ),
        ]


@hooks.register("construct_homepage_panels")
def add_editor_panel(request, panels):
    panels.append(EditorPanel())


@hooks.register("register_log_actions")
def register_cms_log_actions(actions):
    """The names `cms.services` log their changes under (core.audit)."""
    register_actions(
        actions,
        {
            "frivilligloeft.cms.consent_withdrawn": (
                _("Withdraw consent"),
                _("Consent withdrawn on %(withdrawn_on)s"),
            ),
        },
    )
