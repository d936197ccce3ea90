"""Course wishes (/kurser/oensker/): the public list, proposing a course, supporting one."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.page_cache import public_page
from courses import queries, services
from courses.forms import WishForm
from courses.models import CourseWish
from courses.models.wishes import PUBLIC_WISH_STATUSES
from taxonomy.models import Topic

PAGE_SIZE = 20


@require_safe
@public_page
def wish_list(request):
    wishes = queries.public_wishes(request.user)
    topic = None
    topic_slug = request.GET.get("topic", "")
    if topic_slug:
        topic = Topic.objects.filter(slug=topic_slug[:80]).first()
        if topic is None:
            raise Http404
        wishes = wishes.filter(topic=topic)
    page = Paginator(wishes, PAGE_SIZE).get_page(request.GET.get("page"))
    topics = Topic.objects.filter(wishes__status__in=PUBLIC_WISH_STATUSES).distinct()
    return render(
        request,
        "courses/wishes.html",
        {
            "page_obj": page,
            "topic": topic,
            "topics": topics.order_by("name"),
            "count": page.paginator.count,
        },
    )


def _login_redirect(request, next_url):
    messages.info(request, _("Log in or create an account to propose or support a course."))
    return redirect(reverse("account_login") + "?" + urlencode({"next": next_url}))


@require_http_methods(["GET", "POST"])
def propose(request):
    if not request.user.is_authenticated:
        return _login_redirect(request, request.path)
    form = WishForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                wish = services.propose_wish(request.user, **form.cleaned_data)
            except services.CourseError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("Thank you! Your wish is on the list, and others can support it now."),
                )
                return redirect(reverse("courses:wishes") + f"#wish-{wish.pk}")
        return render(request, "courses/wish_form.html", {"form": form}, status=400)
    return render(request, "courses/wish_form.html", {"form": form})


def _back_to(wish: CourseWish) -> str:
    return reverse("courses:wishes") + f"#wish-{wish.pk}"


@require_POST
def support(request, pk):
    wish = get_object_or_404(CourseWish, pk=pk, status__in=PUBLIC_WISH_STATUSES)
    if not request.user.is_authenticated:
        return _login_redirect(request, _back_to(wish))
    try:
        services.support_wish(wish, request.user)
    except services.CourseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Thank you for your support. We tell you if a course opens."))
    return redirect(_back_to(wish))


@require_POST
def withdraw(request, pk):
    wish = get_object_or_404(CourseWish, pk=pk, status__in=PUBLIC_WISH_STATUSES)
    if not request.user.is_authenticated:
        raise Http404
    if services.withdraw_support(wish, request.user):
        messages.success(request, _("Your support has been withdrawn."))
    return redirect(_back_to(wish))
