"""Messages to a course's participants: write, preview, send, and the log of sent ones."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from courses import services
from courses.forms import MessageForm
from courses.views.organiser.common import _organised_course


@require_http_methods(["GET", "POST"])
def message(request, slug):
    """Write, preview, then send: the first POST shows the email exactly as its first
    recipient will get it; only the preview's "Send" button sends it."""
    course = _organised_course(request, slug)
    form = MessageForm(request.POST or None)
    action = request.POST.get("action", "preview")
    status = 200
    if request.method == "POST" and action != "edit":
        if form.is_valid():
            try:
                if action == "send":
                    sent = services.message_participants(
                        course, by=request.user, **form.cleaned_data
                    )
                else:
                    preview = services.preview_message(course, by=request.user, **form.cleaned_data)
            except services.CourseError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                if action == "send":
                    messages.success(
                        request,
                        ngettext(
                            "Your message is on its way to %(count)s person.",
                            "Your message is on its way to %(count)s people.",
                            sent.recipient_count,
                        )
                        % {"count": sent.recipient_count},
                    )
                    return redirect("courses:message_log", slug=course.slug)
                return render(
                    request,
                    "courses/organiser/message_preview.html",
                    {"course": course, "form": form, "preview": preview},
                )
        else:
            status = 400
    return render(
        request, "courses/organiser/message.html", {"course": course, "form": form}, status=status
    )


MESSAGES_PER_PAGE = 20


@require_safe
def message_log(request, slug):
    """Every message the organisers sent to the course: when, by whom, to how many, what."""
    course = _organised_course(request, slug)
    page = Paginator(course.messages.select_related("sent_by"), MESSAGES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "courses/organiser/message_log.html",
        {
            "course": course,
            "page_obj": page,
            "previous_url": f"?page={page.previous_page_number()}" if page.has_previous() else "",
            "next_url": f"?page={page.next_page_number()}" if page.has_next() else "",
        },
    )
