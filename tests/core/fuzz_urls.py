"""Every URL pattern of the project filled with the fuzz world's real ids, slugs, codes and
tokens (tests/core/fuzz_world.py), for the fuzz test (tests/core/test_fuzz.py).

`url_cases(world)` walks the URL resolver itself, so a pattern someone adds is visited without
anyone editing this file: its arguments are filled from `PATTERN_KWARGS` (by URL name), else
from `_kwarg_value` (by argument name), else with a placeholder (reported as "unfilled").
"""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import PathConverter, StringConverter
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils.regex_helper import normalize
from wagtail.models import Site

from tests.core.fuzz_world import World

# Patterns that answer 500 on purpose, or cannot be requested in a test.
SKIPPED_PATTERNS = {
    # Wagtail's own "raise an error to test error reporting" view (superusers only).
    "wagtailadmin_error_test": "raises on purpose to test error reporting",
}


PATTERN_KWARGS = {
    "courses:evaluation": lambda w: [{"token": w.evaluation_token}],
    "courses:evaluate": lambda w: [{"slug": w.finished_course.slug}],
    "courses:evaluation_results": lambda w: [{"slug": w.finished_course.slug}],
    "courses:support_wish": lambda w: [{"pk": w.wish.pk}],
    "courses:withdraw_wish_support": lambda w: [{"pk": w.wish.pk}],
    "calendars:personal": lambda w: [{"token": w.feed_token}],
    "networks:invitation": lambda w: [{"token": w.invitation_token}],
    "associations:invitation": lambda w: [{"token": w.association_invitation_token}],
    "my_associations:revoke_invitation": lambda w: [
        {"slug": w.association.slug, "invitation_id": w.association_invitation.pk}
    ],
    "networks:approve": lambda w: [
        {"slug": w.network.slug, "membership_id": w.pending_membership.pk}
    ],
    "networks:decline": lambda w: [
        {"slug": w.network.slug, "membership_id": w.pending_membership.pk}
    ],
    "networks:remove_member": lambda w: [
        {"slug": w.network.slug, "membership_id": w.membership.pk}
    ],
    "networks:revoke_invitation": lambda w: [
        {"slug": w.network.slug, "invitation_id": w.invitation.pk}
    ],
    "my_networks:sparring": lambda w: [{"pk": w.sparring.pk}],
    "my_networks:sparring_close": lambda w: [{"pk": w.sparring.pk}],
    "schools:offer": lambda w: [{"pk": w.offer.pk}],
    "schools:request_places": lambda w: [{"pk": w.offer.pk}],
    "schools:edit_offer": lambda w: [{"pk": w.offer.pk}],
    "schools:offer_status": lambda w: [{"pk": w.offer.pk}],
    "schools:placement": lambda w: [{"pk": w.placement.pk}, {"pk": w.agreed_placement.pk}],
    "schools:placement_action": lambda w: [
        {"pk": placement.pk, "action": action}
        for placement in (w.placement, w.agreed_placement)
        for action in ("accept", "decline", "agree", "hours", "cancel", "evaluate", "ukendt")
    ],
    "schools:theme_week": lambda w: [{"pk": w.theme_week.pk}],
    "schools:theme_week_feed": lambda w: [{"pk": w.theme_week.pk}],
    "schools:theme_week_status": lambda w: [{"pk": w.theme_week.pk}],
    "schools:offer_contribution": lambda w: [{"pk": w.theme_week.pk}],
    "schools:contribution_action": lambda w: [
        {"pk": w.contribution.pk, "action": action}
        for action in ("accept", "decline", "withdraw", "ukendt")
    ],
    "my_associations:consent": lambda w: [{"role_id": w.board_role.pk}],
    "my_associations:change_role": lambda w: [
        {"slug": w.association.slug, "role_id": w.board_role.pk}
    ],
    "my_associations:remove_person": lambda w: [
        {"slug": w.association.slug, "role_id": w.board_role.pk}
    ],
    "my_associations:venue": lambda w: [{"slug": w.association.slug, "venue_id": w.venue.pk}],
    "my_associations:delete_venue": lambda w: [
        {"slug": w.association.slug, "venue_id": w.venue.pk}
    ],
    "my_associations:activity": lambda w: [
        {"slug": w.association.slug, "activity_id": w.activity.pk}
    ],
    "my_associations:delete_activity": lambda w: [
        {"slug": w.association.slug, "activity_id": w.activity.pk}
    ],
    "my_associations:remove_need": lambda w: [{"slug": w.association.slug, "need_id": w.need.pk}],
    "my_associations:stand": lambda w: [{"slug": w.association.slug, "fair_slug": w.fair.slug}],
    "associations:fair": lambda w: [{"slug": w.fair.slug}],
    "certificates:verify": lambda w: [{"code": w.certificate.code}, {"code": "ABCD-EFGH"}],
    "certificates:download": lambda w: [{"pk": w.certificate.pk}],
    "certificates:open_badge": lambda w: [{"pk": w.certificate.pk}],
    "certificates:credential": lambda w: [{"code": w.certificate.code}, {"code": "ABCD-EFGH"}],
    "certificates:achievement_course": lambda w: [{"pk": w.finished_course.pk}],
    "certificates:achievement_offer": lambda w: [{"pk": w.offer.pk}],
    "certificates:status_list": lambda w: [{"number": 0}, {"number": 7}],
    "certificates:issue_one": lambda w: [
        {"slug": w.finished_course.slug, "pk": w.uncertified_signup.pk}
    ],
    "certificates:reissue": lambda w: [{"slug": w.finished_course.slug, "pk": w.certificate.pk}],
    "certificates:revoke": lambda w: [{"slug": w.finished_course.slug, "pk": w.certificate.pk}],
    "courses:approve": lambda w: [{"slug": w.course.slug, "signup_id": w.pending_signup.pk}],
    "courses:decline": lambda w: [{"slug": w.course.slug, "signup_id": w.pending_signup.pk}],
    "courses:cancel_participant": lambda w: [{"slug": w.course.slug, "signup_id": w.signup.pk}],
    "courses:checkin": lambda w: [{"token": _checkin_token(w.signup)}],
    "courses:check_in_person": lambda w: [
        {
            "slug": w.course.slug,
            "meeting_id": w.course.meetings.first().pk,
            "signup_id": w.signup.pk,
        }
    ],
    "account_confirm_email": lambda w: [{"key": w.email_confirmation_key}],
    "account_reset_password_from_key": lambda w: [
        {"uidb36": w.password_reset_uidb36, "key": w.password_reset_key}
    ],
    "wagtailcore_authenticate_with_password": lambda w: [
        {"page_view_restriction_id": w.restriction.pk, "page_id": w.restricted_page.pk}
    ],
    "wagtaildocs_authenticate_with_password": lambda w: [{"restriction_id": 1}],
    "wagtailsettings:edit": lambda w: _settings_kwargs(w),
    "wagtailsettings:preview_on_edit": lambda w: _settings_kwargs(w),
    "wagtail_bulk_action": lambda w: [
        {"app_label": app_label, "model_name": model_name, "action": action}
        for app_label, model_name, action in (
            ("courses", "course", "delete"),
            ("wagtailcore", "page", "publish"),
            ("wagtailcore", "page", "unpublish"),
            ("wagtailcore", "page", "delete"),
            ("wagtailcore", "page", "move"),
            ("wagtailimages", "image", "delete"),
            ("wagtaildocs", "document", "delete"),
            ("accounts", "user", "delete"),
        )
    ],
    "wagtailadmin_editing_sessions:ping": lambda w: [
        {
            "app_label": "wagtailcore",
            "model_name": "page",
            "object_id": w.standard_page.pk,
            "session_id": 1,
        }
    ],
    "wagtailadmin_password_reset_confirm": lambda w: [
        {"uidb64": w.wagtail_reset_uidb64, "token": w.password_reset_key}
    ],
}


def _settings_kwargs(w: World) -> list[dict]:
    site = Site.objects.get(is_default_site=True).pk
    return [
        {"app_name": "cms", "model_name": "sitecontactsettings", "pk": site},
        {"app_name": "certificates", "model_name": "certificatesettings", "pk": site},
    ]


def _slug_for(namespace: str, w: World) -> str:
    if namespace in ("networks", "calendars"):
        return w.network.slug
    if namespace in ("associations", "my_associations"):
        return w.association.slug
    return w.course.slug  # courses, certificates (organiser tools live under the course)


def _checkin_token(signup) -> str:
    """The signup's check-in code, its hash stored as the confirmation email would."""
    from courses.services.checkin import checkin_token, checkin_url

    checkin_url(signup)
    return checkin_token(signup)


# By argument name, within the URL's namespace where it matters.
def _kwarg_value(namespace: str, name: str, w: World):
    values = {
        "slug": lambda: _slug_for(namespace, w),
        "association_slug": lambda: w.association.slug,
        "meeting_id": lambda: (
            w.network_meeting.pk if namespace == "networks" else w.course.meetings.first().pk
        ),
        "page_id": lambda: w.standard_page.pk,
        "parent_page_id": lambda: w.home.pk,
        "page_to_move_id": lambda: w.standard_page.pk,
        "destination_id": lambda: w.home.pk,
        "page_pk": lambda: w.standard_page.pk,
        "image_id": lambda: w.image.pk,
        "document_id": lambda: w.document.pk,
        "doc_id": lambda: w.document.pk,
        "revision_id": lambda: w.standard_page.latest_revision_id,
        "revision_id_a": lambda: w.standard_page.latest_revision_id,
        "revision_id_b": lambda: w.standard_page.latest_revision_id,
        "app_label": lambda: "courses",
        "app_name": lambda: "courses",
        "model_name": lambda: "course",
        "content_type_app_name": lambda: "cms",
        "content_type_model_name": lambda: "standardpage",
        "object_id": lambda: w.course.pk,
        "filter_spec": lambda: "fill-100x100",
        "action_name": lambda: "publish",
        "collection_id": lambda: w.image.collection_id,
        "path": lambda: w.image.file.name,
    }
    return values[name]() if name in values else None


@dataclass(frozen=True)
class UrlCase:
    pattern: str  # the pattern's route, for the report
    name: str
    url: str
    admin: bool
    filled: bool  # False when an argument had no known value (a placeholder was used)
    # Our code: every site URL, and in the admin our viewsets and our own admin views (not
    # Wagtail's page editor, images, documents, users, choosers, settings, workflows).
    ours: bool = True
    # The name of the malformed value put in the path itself (a text argument: a token, a
    # code, an action), if any: a key of PATH_PROBES.
    probe: str | None = None


def _walk(patterns, chain=(), namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, (*chain, pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield (*chain, pattern.pattern), name or "", pattern


def _fill(chain, kwargs: dict, language: str) -> str | None:
    """The path a chain of patterns gives with `kwargs`, or None if an argument is missing."""
    parts = []
    for piece in chain:
        if isinstance(piece, LocalePrefixPattern):
            parts.append("" if language == "da" else f"{language}/")
            continue
        regex = piece.regex.pattern
        converters = getattr(piece, "converters", {})
        for template, params in normalize(regex):
            if all(param in kwargs for param in params):
                values = {
                    param: (
                        converters[param].to_url(kwargs[param])
                        if param in converters
                        else str(kwargs[param])
                    )
                    for param in params
                }
                parts.append(template % values)
                break
        else:
            return None
    return "/" + "".join(parts)


def _placeholders(params) -> dict:
    return {param: 1 if "id" in param or param == "pk" else "x" for param in params}


def url_cases(world: World) -> tuple[list[UrlCase], list[str]]:
    """Every URL pattern of the project as concrete URLs (Danish and English where the pattern
    is language-prefixed), and the names of patterns that were skipped, with why."""
    cases, skipped = [], []
    our_namespaces = _our_admin_namespaces()
    for chain, name, pattern in _walk(get_resolver().url_patterns):
        # The language prefix is left out: its text depends on the active language.
        route = "".join(
            "" if isinstance(piece, LocalePrefixPattern) else str(piece) for piece in chain
        )
        short_name = name.rsplit(":", 1)[-1]
        if short_name in SKIPPED_PATTERNS:
            skipped.append(f"{route} ({SKIPPED_PATTERNS[short_name]})")
            continue
        localised = any(isinstance(piece, LocalePrefixPattern) for piece in chain)
        languages = ("da", "en") if localised else ("da",)
        admin = route.startswith(("admin/", "django-admin/"))
        if name == "wagtail_serve":
            for page in world.pages:
                cases.append(UrlCase(route, name, page.specific.url, admin, filled=True))
            for language in languages:
                prefix = "" if language == "da" else f"/{language}"
                url = f"{prefix}/vejledninger/emne/bestyrelse/"
                cases.append(UrlCase(route, name, url, admin, filled=True))
            continue
        if name == "wagtaildocs_serve":
            document = world.document
            url = f"/dokumenter/{document.pk}/{document.filename}"
            cases.append(UrlCase(route, name, url, admin, filled=True))
            continue
        params = set()
        for piece in chain:
            if not isinstance(piece, LocalePrefixPattern):
                for _template, names in normalize(piece.regex.pattern):
                    params.update(names)
                    break
        namespace = name.rsplit(":", 1)[0] if ":" in name else ""
        ours = not admin or namespace in our_namespaces or _is_our_view(pattern.callback)
        if name in PATTERN_KWARGS:
            kwarg_sets, filled = PATTERN_KWARGS[name](world), True
        else:
            kwargs, filled = {}, True
            for param in params:
                value = _admin_value(namespace, param, world) if admin else None
                if value is None:
                    value = _kwarg_value(namespace, param, world)
                if value is None:
                    value, filled = _placeholders([param])[param], False
                kwargs[param] = value
            kwarg_sets = [kwargs]
        for kwargs in kwarg_sets:
            for language in languages:
                url = _fill(chain, kwargs, language)
                if url is not None:
                    cases.append(UrlCase(route, name, url, admin, filled, ours))
        for param in sorted(_text_params(chain)):
            for probe, value in PATH_PROBES.items():
                url = _fill(chain, {**kwarg_sets[0], param: value}, languages[-1])
                if url is not None:
                    cases.append(UrlCase(route, name, url, admin, filled, ours, probe))
    return cases, skipped


# Values put in place of each text argument of a path (a token, a code, a key, an action).
PATH_PROBES = {
    "nul": "\x00",
    "non-utf8": "%FF%FE",
    "quote-bidi": '"\u202e<',
    "long": "x" * 3000,
}


def _text_params(chain) -> set[str]:
    """The arguments that take any text: str converters and regex groups other than digits."""
    params = set()
    for piece in chain:
        if isinstance(piece, LocalePrefixPattern):
            continue
        if isinstance(piece, RoutePattern):  # str and path converters take text
            params.update(
                name
                for name, converter in piece.converters.items()
                if isinstance(converter, StringConverter | PathConverter)
            )
        else:
            for _template, names in normalize(piece.regex.pattern):
                params.update(names)
                break
    return params


OUR_APPS = (
    "core",
    "accounts",
    "taxonomy",
    "courses",
    "networks",
    "associations",
    "schools",
    "certificates",
    "cms",
    "calendars",
    "insights",
)


def _is_our_view(callback) -> bool:
    view = getattr(callback, "view_class", None) or callback
    return view.__module__.split(".", 1)[0] in OUR_APPS


def _our_admin_namespaces() -> set[str]:
    """The URL namespaces of our own admin viewsets (their choosers are Wagtail's)."""
    from django.apps import apps

    namespaces = set()
    for namespace, model in _admin_models().items():
        if isinstance(model, str):
            model = apps.get_model(model)
        if model._meta.app_label in OUR_APPS and "chooser" not in namespace:
            namespaces.add(namespace)
    return namespaces


def _admin_models() -> dict:
    """URL namespace of each Wagtail admin viewset → its model."""
    from wagtail.admin.viewsets import viewsets

    models = {}
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        namespace = viewset.url_namespace if viewset.name else None
        if model is not None and namespace:
            models[namespace] = model
            chooser = getattr(viewset, "chooser_viewset", None)
            if chooser is not None and getattr(chooser, "url_namespace", None):
                models[chooser.url_namespace] = model
    return models


_WAGTAIL_MODELS = {
    "wagtailimages": "wagtailimages.Image",
    "wagtaildocs": "wagtaildocs.Document",
    "wagtailusers_users": "accounts.User",
    "wagtailusers_groups": "auth.Group",
    "wagtailsites": "wagtailcore.Site",
    "wagtaillocales": "wagtailcore.Locale",
    "wagtailredirects": "wagtailredirects.Redirect",
    "wagtailadmin_collections": "wagtailcore.Collection",
    "wagtailadmin_api:pages": "wagtailcore.Page",
    "wagtailadmin_api:images": "wagtailimages.Image",
    "wagtailadmin_api:documents": "wagtaildocs.Document",
    "wagtailadmin_workflows": "wagtailcore.Workflow",
}


def _admin_value(namespace: str, param: str, world: World):
    """An existing object's primary key for an admin viewset's `pk` argument."""
    from django.apps import apps

    if param not in ("pk", "redirect_id", "workflow_pk", "task_id", "task_state_id"):
        return None
    if param == "task_id":
        model = apps.get_model("wagtailcore.Task")
    elif param == "task_state_id":
        model = apps.get_model("wagtailcore.TaskState")
    else:
        model = _admin_models().get(namespace)
        if model is None and namespace in _WAGTAIL_MODELS:
            model = apps.get_model(_WAGTAIL_MODELS[namespace])
    if model is None:
        return None
    if isinstance(model, str):
        model = apps.get_model(model)
    first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
    return first
