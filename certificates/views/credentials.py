"""Open Badges: the issuer's DID document and profile, achievements, the status list, a
certificate's credential (public, and as a download from Mine beviser), and the verifier.

The JSON-LD documents are public and answer any origin (CORS): wallets and verifiers in a
browser fetch them. A certificate's credential is behind the same per-IP limit as its
verification page.
"""

import hashlib
import json
import logging

from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from certificates import codes
from certificates.credentials import documents, keys
from certificates.credentials import status_list as status_list_module
from certificates.credentials.verification import Outcome, verify_credential
from certificates.forms import CredentialForm
from certificates.models import Certificate
from certificates.views.public import _noindex, _over_limit, _too_many
from courses.models import Course, CourseStatus
from schools.models import InternshipOffer, OfferStatus

JSON_LD = "application/ld+json"
logger = logging.getLogger(__name__)


def _json(document, *, content_type=JSON_LD, cache_control="public, max-age=300", status=200):
    body = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    response = HttpResponse(body, content_type=content_type, status=status)
    response["Cache-Control"] = cache_control
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _unavailable():
    return _json(
        {"error": _("Open Badges cannot be signed right now. Please try again later.")},
        content_type="application/json",
        cache_control="no-store",
        status=503,
    )


def signing(view):
    """A missing signing key (a production set-up error) answers 503, not 500."""

    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except keys.SigningKeyMissing as error:
            logger.error("Open Badges: %s", error)
            return _unavailable()

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@require_safe
@signing
def did_document(request):
    return _json(documents.did_document(), content_type="application/did+ld+json")


@require_safe
def issuer_profile(request):
    return _json(documents.published_profile())


@require_safe
def achievement_course(request, pk):
    """A course is an achievement once it can be earned: a published course that issues
    certificates, or any course someone holds a certificate of."""
    course = get_object_or_404(
        Course.objects.filter(issues_certificate=True)
        .filter(Q(status=CourseStatus.PUBLISHED) | Q(signups__certificates__isnull=False))
        .distinct(),
        pk=pk,
    )
    return _json(documents.published_achievement(documents.course_achievement(course)))


@require_safe
def achievement_offer(request, pk):
    offer = get_object_or_404(
        InternshipOffer.objects.select_related("association")
        .filter(
            Q(status__in=[OfferStatus.PUBLISHED, OfferStatus.FILLED])
            | Q(placements__in=Certificate.objects.values("source_placement"))
        )
        .distinct(),
        pk=pk,
    )
    return _json(documents.published_achievement(documents.offer_achievement(offer)))


@require_safe
def achievement_transcript(request):
    return _json(documents.published_achievement(documents.transcript_achievement()))


@require_safe
@signing
def status_list(request, number):
    """Answers 304 to its ETag; verifiers must ask every time (a revocation shows at once)."""
    if number > status_list_module.last_list_number():
        raise Http404
    body = documents.status_list_credential(number)
    etag = '"' + hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:32] + '"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = _json(body, cache_control="no-cache")
    response["ETag"] = etag
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _withdrawn():
    return _json(
        {
            "error": _(
                "The holder has deleted their Frivilligløft account, so this credential is no "
                "longer handed out. A copy they downloaded before still verifies."
            )
        },
        content_type="application/json",
        cache_control="no-cache",
        status=410,
    )


@require_safe
@signing
def credential(request, code):
    """The certificate's signed credential for anyone who has its code (as its verification
    page): the holder by hashed email only. A revoked one is served too: its status says so."""
    if _over_limit(request):
        return _too_many(request)
    stored = codes.normalise(code)
    if stored is None:
        raise Http404
    certificate = get_object_or_404(
        Certificate.objects.select_related("holder", "source_signup__course"), code=stored
    )
    try:
        document = documents.credential(certificate)
    except documents.CredentialWithdrawn:
        return _noindex(_withdrawn(), cache_control="no-cache")
    return _noindex(_json(document, cache_control="no-cache"), cache_control="no-cache")


@require_safe
@signing
def open_badge(request, pk):
    """Mine beviser's "Download as Open Badge": whoever may download the PDF
    (`certificates.download_certificate`, at this moment). The holder may put their name in it
    (?navn=1)."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("holder"), pk=pk, holder_erased_at__isnull=True
    )
    if not request.user.has_perm("certificates.download_certificate", certificate):
        raise Http404
    show_name = request.GET.get("navn") == "1" and certificate.holder_id == request.user.pk
    response = _json(
        documents.credential(certificate, show_name=show_name), cache_control="private, no-store"
    )
    del response["Access-Control-Allow-Origin"]
    filename = f"Open Badge {certificate.display_code}.json"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def verify(request):
    """/bevis/verificer/: upload or paste a credential; the answer is on the same page."""
    verification = None
    status = 200
    if request.method == "POST":
        if _over_limit(request):
            return _too_many(request)
        form = CredentialForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                verification = verify_credential(form.cleaned_data["credential"])
            except keys.SigningKeyMissing as error:
                # A set-up error in production (docs/operations.md): say so, not a 500.
                logger.error("Open Badges: %s", error)
                form.add_error(
                    None, _("Open Badges cannot be checked right now. Please try again later.")
                )
                status = 503
            else:
                if verification.outcome == Outcome.NOT_A_CREDENTIAL:
                    status = 400
        else:
            status = 400
    else:
        form = CredentialForm()
    return _noindex(
        render(
            request,
            "certificates/verify_credential.html",
            {
                "form": form,
                "verification": verification,
                "Outcome": Outcome,
                "issuer_did": keys.issuer_did(),
            },
            status=status,
        )
    )
