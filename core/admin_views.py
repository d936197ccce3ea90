"""Admin views for the email outbox (registered in core/wagtail_hooks.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core import outbox
from core.models import EmailStatus, OutgoingEmail


def email_detail(request, pk):
    """One email: what was sent to whom, its tries and errors; POST sends it again."""
    if not request.user.has_perm("core.view_outgoingemail"):
        raise PermissionDenied
    email = get_object_or_404(OutgoingEmail, pk=pk)
    may_resend = request.user.has_perm("core.resend_outgoingemail") and bool(email.body)
    if request.method == "POST":
        if not may_resend:
            raise PermissionDenied
        again = outbox.resend(email)
        if again.pk != email.pk:
            messages.success(request, _("A new copy of the email is on its way."))
        elif again.status == EmailStatus.SENDING:
            messages.warning(request, _("The email is being sent right now."))
        else:
            messages.success(request, _("The email will be sent again in a moment."))
        return redirect("outgoing_emails:inspect", pk=again.pk)
    index_url = reverse("outgoing_emails:index")
    context = {
        "email": email,
        "may_resend": may_resend,
        "attachments": [a["filename"] for a in email.attachments],
        "index_url": index_url,
        "page_title": _("Email"),
        "page_subtitle": email.subject,
        "header_title": email.subject,
        "header_icon": "mail",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": index_url, "label": _("Emails")},
            {"url": "", "label": email.subject},
        ],
    }
    return render(request, "core/admin/email_detail.html", context)
