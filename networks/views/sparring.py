"""Sparring for volunteer leaders and boards: the request form and the requester's pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from networks import services
from networks.forms import SparringMessageForm, SparringRequestForm
from networks.models import SparringRequest


@require_http_methods(["GET", "POST"])
def request_sparring(request):
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect(request.path)
        return render(request, "networks/sparring_request.html", {"form": None})
    form = SparringRequestForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "networks/sparring_request.html", {"form": form}, status=400)
        try:
            sparring = services.create_sparring_request(request.user, **form.cleaned_data)
        except services.NetworkError as error:
            form.add_error(None, str(error))
            return render(request, "networks/sparring_request.html", {"form": form}, status=400)
        messages.success(
            request,
            _(
                "Thank you. A volunteer consultant will get back to you, usually within a few "
                "working days. You can follow your request here."
            ),
        )
        return redirect(sparring)
    return render(request, "networks/sparring_request.html", {"form": form})


@login_required
def my_sparring_list(request):
    requests = list(
        SparringRequest.objects.filter(requester=request.user)
        .select_related("topic", "assigned_to")
        .annotate(reply_count=Count("replies"))
        .order_by("-created_at", "-pk")
    )
    return render(request, "networks/mine/sparring_list.html", {"requests": requests})


def _own_request(request, pk) -> SparringRequest:
    # Somebody else's request is a 404, never a 403: its existence is private too.
    return get_object_or_404(
        SparringRequest.objects.select_related("topic", "assigned_to"),
        pk=pk,
        requester=request.user,
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_sparring_detail(request, pk):
    sparring = _own_request(request, pk)
    form = SparringMessageForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.add_requester_message(sparring, by=request.user, **form.cleaned_data)
            except services.NetworkError as error:
                messages.error(request, str(error))
                return redirect(sparring)
            messages.success(request, _("Your message has been sent."))
            return redirect(sparring)
        status = 400
    else:
        status = 200
    replies = list(sparring.replies.select_related("author"))
    return render(
        request,
        "networks/mine/sparring_detail.html",
        {"sparring": sparring, "replies": replies, "form": form},
        status=status,
    )


@login_required
@require_POST
def close_my_sparring(request, pk):
    sparring = _own_request(request, pk)
    services.close_sparring_request(sparring, by=request.user)
    messages.success(request, _("Your request is closed. Thank you."))
    return redirect(sparring)
