"""Public verification: /bevis/ (type a code) and /bevis/<code>/ (the answer).

The page shows only what a reader needs to trust a printed certificate: the holder's name,
what it is for, when, who issued it, and whether it is valid. Lookups are rate limited per IP
address so codes cannot be guessed in bulk, and search engines are asked not to index them.
"""

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from certificates import codes
from certificates.forms import VerifyForm
from certificates.models import Certificate
from core.page_cache import public_page

RATE_LIMIT = getattr(settings, "CERTIFICATE_VERIFY_RATE_LIMIT", (30, 600))


def _client_ip(request) -> str:
    # allauth's adapter, so login and verification limits agree on who the client is
    # (including allauth's trusted-proxy settings behind a load balancer).
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def _over_limit(request) -> bool:
    """Count this lookup against the client's budget (fixed window in the cache)."""
    limit, window = RATE_LIMIT
    key = f"certificates:verify:{_client_ip(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def _noindex(response, cache_control="private, no-store"):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = cache_control
    return response


def _too_many(request):
    response = render(
        request,
        "certificates/too_many.html",
        {"message": _("Too many lookups. Please wait a few minutes and try again.")},
        status=429,
    )
    response["Retry-After"] = str(RATE_LIMIT[1])
    return _noindex(response)


def _not_valid(request, code):
    """Says "not valid" in words, still as a 404 (never cached; guessing meets the rate limit)."""
    context = {"code": code, "form": VerifyForm(), "problem": codes.typing_problem(code)}
    return _noindex(render(request, "certificates/verify_unknown.html", context, status=404))


@require_safe
def verify_form(request):
    form = VerifyForm(request.GET or None)
    if request.GET:
        if _over_limit(request):
            return _too_many(request)
        if form.is_valid():
            return redirect("certificates:verify", code=codes.display(form.cleaned_data["code"]))
    status = 400 if form.is_bound and not form.is_valid() else 200
    return _noindex(render(request, "certificates/verify_form.html", {"form": form}, status=status))


@require_safe
@public_page
def verify(request, code):
    """A valid code's page is the same for everyone, so it may come from the anonymous page
    cache (a revocation bumps its generation: "certificates" is a content app). Unknown codes
    are 404s, never cached, so guessing codes always meets the rate limit."""
    if _over_limit(request):
        return _too_many(request)
    stored = codes.normalise(code)
    if stored is None:
        return _not_valid(request, code)
    if code != codes.display(stored):
        return redirect("certificates:verify", code=codes.display(stored))
    certificate = (
        Certificate.objects.only(
            "code",
            "kind",
            "holder_name",
            "holder_erased_at",
            "title",
            "snapshot",
            "issued_at",
            "revoked_at",
        )
        .filter(code=stored)
        .first()
    )
    if certificate is None:
        return _not_valid(request, code)
    return _noindex(
        render(
            request,
            "certificates/verify.html",
            {"certificate": certificate, "s": certificate.snapshot},
        ),
        # Browsers and proxies must ask again every time: a revocation shows at once.
        cache_control="no-cache",
    )
