import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts import services
from accounts.forms import DeleteAccountForm, EmailChoicesForm, ProfileForm
from accounts.models import EmailOptOut
from accounts.registry import dashboard_panels, email_kind, email_kinds
from core.exports import private_download


@login_required
def dashboard(request):
    panels = []
    for panel in dashboard_panels():
        context = panel.get_context(request)
        if context is not None:
            panels.append({"template": panel.template, "context": context})
    return render(request, "accounts/dashboard.html", {"panels": panels})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            services.update_profile(request.user, **form.cleaned_data)
            messages.success(request, _("Your details have been saved."))
            return redirect("accounts:profile")
        return render(request, "accounts/profile.html", {"form": form}, status=400)
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def personal_data(request):
    return render(request, "accounts/personal_data.html")


@login_required
def export_data(request):
    data = services.export_personal_data(request.user)
    filename = f"frivilligloeft-data-{timezone.localdate():%Y-%m-%d}.json"
    return private_download(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        "application/json; charset=utf-8",
        filename,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.delete_account(request.user)
            except services.AccountError as error:
                messages.error(request, str(error))
                return redirect("accounts:personal_data")
            logout(request)
            messages.success(request, _("Your account and your data have been deleted."))
            return redirect("/")
        return render(request, "accounts/delete_account.html", {"form": form}, status=400)
    return render(request, "accounts/delete_account.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def email_choices(request):
    kinds = email_kinds()
    turned_off = set(request.user.email_opt_outs.values_list("kind", flat=True))
    form = EmailChoicesForm(
        request.POST or None,
        kinds=kinds,
        initial={"wanted": [kind.key for kind in kinds if kind.key not in turned_off]},
    )
    if request.method == "POST":
        if form.is_valid():
            services.set_wanted_email_kinds(request.user, set(form.cleaned_data["wanted"]))
            messages.success(request, _("Your choices have been saved."))
            return redirect("accounts:email_choices")
        return render(request, "accounts/email_choices.html", {"form": form}, status=400)
    return render(request, "accounts/email_choices.html", {"form": form})


# The token in the link is the person's authority (as in a one-click unsubscribe from a mail
# program, RFC 8058, which posts without a session or a CSRF token): no login, no CSRF.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = services.read_unsubscribe_token(token)
    if found is None:
        response = render(request, "accounts/unsubscribe.html", {"invalid": True}, status=404)
        response["X-Robots-Tag"] = "noindex"
        return response
    user, kind = found
    done = None
    if request.method == "POST":
        # A mail program's one-click POST has "List-Unsubscribe=One-Click" and no action.
        wanted = request.POST.get("action") == "subscribe"
        services.set_email_kind(user, kind, wanted=wanted)
        done = "subscribed" if wanted else "unsubscribed"
    response = render(
        request,
        "accounts/unsubscribe.html",
        {
            "kind": email_kind(kind),
            "turned_off": EmailOptOut.objects.filter(user=user, kind=kind).exists(),
            "done": done,
            "address": user.email,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response
