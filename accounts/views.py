import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import services
from accounts.forms import DeleteAccountForm, ProfileForm
from accounts.registry import dashboard_panels


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
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


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
