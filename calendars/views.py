"""Feeds (/kalender/…, /netvaerk/<slug>/kalender.ics) and Mine sider › Kalender."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import User
from calendars import feeds, queries, services
from calendars.http import feed_response
from core.page_cache import content_cached, public_page
from courses.filters import CourseFilter
from networks.models import Network

PERSONAL_FEED_CACHE_SECONDS = 600


@require_safe
@public_page
def courses_feed(request):
    """All published coming courses, narrowed by the catalogue's own filters (?topic=…)."""
    course_filter = CourseFilter(request.GET or None, queryset=queries.feed_courses())
    if course_filter.is_bound and not course_filter.is_valid():
        errors = "; ".join(
            f"{field}: {' '.join(errs)}" for field, errs in course_filter.errors.items()
        )
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    feed = feeds.courses_feed(course_filter.qs)
    return feed_response(request, feed, filename="kurser.ics")


@require_safe
@public_page
def network_feed(request, slug):
    network = get_object_or_404(Network, slug=slug)
    feed = feeds.network_feed(network, queries.network_feed_meetings(network))
    return feed_response(request, feed, filename=f"{network.slug}.ics")


@require_safe
def personal_feed(request, token):
    user_id = services.feed_owner_id(token)
    if user_id is None:
        raise Http404

    def build():
        user = User.objects.get(pk=user_id)
        return feeds.personal_feed(
            queries.personal_signups(user),
            queries.personal_network_meetings(user),
            queries.personal_school_events(user),
        )

    # Building a few hundred events takes the better part of a second; calendar programs ask
    # every few hours. The built feed is kept per person until any course, network or school
    # content changes (core.page_cache generation) or ten minutes pass (time windows, names).
    feed = content_cached(
        f"personal-feed:{user_id}:{translation.get_language()}",
        build,
        timeout=PERSONAL_FEED_CACHE_SECONDS,
    )
    return feed_response(request, feed, filename="kalender.ics", private=True)


# --- Mine sider › Kalender ----------------------------------------------------------------

# The new token is readable exactly once: the POST puts it here, the next page view takes it
# out again. The database keeps only its hash.
FRESH_TOKEN_SESSION_KEY = "calendars_fresh_token"  # noqa: S105 (a session key, not a secret)


def feed_urls(request, token: str) -> dict:
    https = request.build_absolute_uri(reverse("calendars:personal", kwargs={"token": token}))
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


@login_required
@never_cache
@require_safe
def my_calendar(request):
    token = request.session.pop(FRESH_TOKEN_SESSION_KEY, None)
    feed_token = queries.feed_token_of(request.user)
    context = {
        "feed_token": feed_token,
        "feed": feed_urls(request, token) if token and feed_token else None,
        "public_feed": request.build_absolute_uri(reverse("calendars:courses")),
    }
    response = render(request, "calendars/mine.html", context)
    # The page may show the secret link: no other site learns this URL from a Referer.
    # ("no-referrer" would make browsers send "Origin: null" and fail the CSRF check.)
    response["Referrer-Policy"] = "same-origin"
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def new_link(request):
    """GET asks for confirmation when a link exists (the old one will stop working); POST
    makes the new link and shows it once on the calendar page."""
    has_link = queries.feed_token_of(request.user) is not None
    if request.method == "GET":
        if not has_link:
            return redirect("my_calendar:index")
        return render(request, "calendars/new_link.html")
    token = services.regenerate_feed_token(request.user)
    request.session[FRESH_TOKEN_SESSION_KEY] = token
    if has_link:
        messages.success(
            request, _("Your new calendar link is ready. The old link no longer works.")
        )
    else:
        messages.success(request, _("Your calendar link is ready."))
    return redirect("my_calendar:index")
