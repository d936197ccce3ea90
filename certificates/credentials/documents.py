"""The JSON-LD the site publishes for Open Badges, and the credential of a certificate.

How each certificate maps (docs/architecture.md, "Open Badges"):

- a course certificate: the course's `Achievement` (achievementType Course; topics as `tag`s;
  criteria from its attendance rule). No alignment: our topics are not tied to an external
  framework (ESCO, DigComp…) yet; an `alignment` belongs here once they are.
- an internship certificate: the internship offer's `Achievement` (CommunityService), the
  association as its `creator`. Pupils have no account and no address with us: the subject
  is the name printed on the certificate (first name and class), salted and hashed, never in
  plain text; whoever knows the pupil can check it, nobody can read it.
- a competence transcript: one credential, one code and one revocation bit like its PDF; its
  `Achievement` is the transcript itself (the same for everyone) and the courses it lists are
  its `evidence`. Not an EndorsementCredential (that is a third party vouching for something),
  and not a credential per course (course certificates already are; a transcript proves
  what was true on the day it was made, as one document).

The holder is identified by a salted SHA-256 hash of their email address (`IdentityObject`,
`hashed: true`); when they download the credential themselves they may add their name in
plain text. A deleted account's certificate has no credential any more (see
`CredentialWithdrawn`).
"""

import hashlib
import json
import secrets
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Site

from certificates.credentials import keys, proofs, status_list
from certificates.credentials.jsonld import CREDENTIALS_V2, DID_V1, MULTIKEY_V1, OPEN_BADGES_V3
from certificates.models import Certificate, CertificateKind, CertificateSettings
from certificates.rendering import LOGO_STATIC_PATH
from certificates.templatetags.certificate_tags import date_span, hours_with_unit

CONTEXT = [CREDENTIALS_V2, OPEN_BADGES_V3]
SIGNED_CACHE_SECONDS = 24 * 60 * 60
# Control characters other than tab and line breaks: canonical N-Quads escape them
# differently in pyld and in RDFC-1.0, so they are left out of every text we sign.
_CONTROL = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 127])


class CredentialWithdrawn(Exception):
    """The holder deleted their account: the site no longer hands out a credential for it."""


def clean(text) -> str:
    return str(text or "").translate(_CONTROL).strip()


def _iso(value: datetime) -> str:
    return proofs.iso_datetime(value)


def _day_start(iso_date: str | None) -> str | None:
    if not iso_date:
        return None
    day = datetime.fromisoformat(iso_date).date()
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE)).isoformat()


def _url(name: str, **kwargs) -> str:
    """An absolute URL without a language prefix: identifiers must not depend on who asks."""
    with translation.override(None):
        return keys.site_url(reverse(name, kwargs=kwargs or None))


def credential_url(certificate: Certificate) -> str:
    return _url("certificates:credential", code=certificate.display_code)


# --- The issuer -------------------------------------------------------------------------


def did_document() -> dict:
    did = keys.issuer_did()
    published = keys.published_keys()
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": [
            {
                "id": key.verification_method,
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": key.multibase,
            }
            for key in published
        ],
        "assertionMethod": [key.verification_method for key in published],
    }


def _issuer_settings() -> CertificateSettings:
    site = Site.objects.filter(is_default_site=True).first()
    return CertificateSettings.for_site(site) if site else CertificateSettings()


def issuer_profile() -> dict:
    signer = _issuer_settings()
    profile = {
        "id": keys.issuer_did(),
        "type": ["Profile"],
        "name": clean(signer.issuer_name),
        "url": keys.site_url("/"),
        "image": {"id": keys.site_url(static(LOGO_STATIC_PATH)), "type": "Image"},
    }
    if signer.issuer_unit:
        profile["description"] = clean(signer.issuer_unit)
    if signer.issuer_email:
        profile["email"] = signer.issuer_email
    return profile


def published_profile() -> dict:
    return {"@context": CONTEXT, **issuer_profile()}


# --- Achievements -------------------------------------------------------------------------


def _course_criteria(course) -> str:
    return _(
        "Took part in the course and attended at least %(percent)s %% of the meetings held."
    ) % {"percent": course.min_attendance_percent}


def course_achievement(course) -> dict:
    """A course as an Achievement, as it stands now (its stable URL)."""
    achievement = {
        "id": _url("certificates:achievement_course", pk=course.pk),
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": clean(course.title),
        "description": clean(course.summary) or clean(course.title),
        "criteria": {"narrative": _course_criteria(course)},
        "inLanguage": translation.get_language() or settings.LANGUAGE_CODE,
    }
    topics = [clean(topic.display_name) for topic in course.topics.all()]
    if topics:
        achievement["tag"] = topics
    return achievement


def offer_achievement(offer) -> dict:
    association = offer.association
    return {
        "id": _url("certificates:achievement_offer", pk=offer.pk),
        "type": ["Achievement"],
        "achievementType": "CommunityService",
        "name": clean(offer.title),
        "description": clean(Truncator(offer.tasks).chars(500)) or clean(offer.title),
        "criteria": {
            "narrative": _(
                "A volunteer internship for pupils, arranged between their school and "
                "%(association)s, which confirmed the hours the pupil took part in."
            )
            % {"association": clean(association.name)}
        },
        "creator": {
            "id": _url("associations:detail", slug=association.slug),
            "type": ["Profile"],
            "name": clean(association.name),
        },
        "inLanguage": translation.get_language() or settings.LANGUAGE_CODE,
    }


def transcript_achievement() -> dict:
    return {
        "id": _url("certificates:achievement_transcript"),
        "type": ["Achievement"],
        "achievementType": "ext:CompetenceTranscript",
        "name": _("Competence transcript"),
        "description": _(
            "A list of the courses the holder had completed through Frivilligløft on the day "
            "it was issued, with dates, hours and topics."
        ),
        "criteria": {
            "narrative": _(
                "Issued on request to a person who has completed at least one course through "
                "Frivilligløft. Every course listed was completed under that course's "
                "attendance rule."
            )
        },
        "inLanguage": translation.get_language() or settings.LANGUAGE_CODE,
    }


def published_achievement(achievement: dict) -> dict:
    return {"@context": CONTEXT, **achievement}


def _certificate_achievement(certificate: Certificate) -> dict:
    """The achievement as the certificate printed it (its snapshot), under the stable id."""
    s = certificate.snapshot
    if certificate.kind == CertificateKind.TRANSCRIPT:
        return transcript_achievement()
    if certificate.kind == CertificateKind.INTERNSHIP:
        placement = certificate.source_placement
        if placement is not None:
            achievement = offer_achievement(placement.offer)
        else:
            achievement = {
                "id": credential_url(certificate) + "#achievement",
                "type": ["Achievement"],
                "achievementType": "CommunityService",
                "criteria": {"narrative": clean(s.get("description"))},
            }
        return {**achievement, "name": clean(s.get("title")), "description": _description(s)}
    signup = certificate.source_signup
    course = signup.course if signup is not None else None
    achievement = {
        "id": (
            _url("certificates:achievement_course", pk=course.pk)
            if course
            else credential_url(certificate) + "#achievement"
        ),
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": clean(s.get("title")),
        "description": clean(s.get("summary")) or clean(s.get("title")),
        "criteria": {
            "narrative": _course_criteria(course) if course else _("Completed the course.")
        },
        "inLanguage": certificate.language,
    }
    if s.get("topics"):
        achievement["tag"] = [clean(topic) for topic in s["topics"]]
    return achievement


def _description(snapshot: dict) -> str:
    return clean(snapshot.get("description")) or clean(snapshot.get("title"))


# --- The credential of a certificate ------------------------------------------------------


def ensure_credential_fields(certificate: Certificate) -> Certificate:
    """Certificates issued before credentials existed get their status index and salt on
    first use (new ones get them when issued, in services._create)."""
    if certificate.status_index is not None and (
        certificate.subject_salt or certificate.holder_erased_at
    ):
        return certificate
    for _attempt in range(5):
        try:
            with transaction.atomic():
                locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
                if locked.status_index is None:
                    locked.status_index = status_list.draw_index()
                if not locked.subject_salt and locked.holder_erased_at is None:
                    locked.subject_salt = new_salt()
                locked.save(update_fields=["status_index", "subject_salt"])
        except IntegrityError:
            continue  # another certificate holds that index: draw again
        certificate.status_index = locked.status_index
        certificate.subject_salt = locked.subject_salt
        return certificate
    raise IntegrityError("no free status list index found")


def new_salt() -> str:
    return secrets.token_hex(16)


def _identity_hash(value: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((value + salt).encode("utf-8")).hexdigest()


def _subject_identifiers(certificate: Certificate, show_name: bool) -> list[dict]:
    salt = certificate.subject_salt
    identifiers = []
    if certificate.holder is not None and certificate.holder.email:
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": _identity_hash(certificate.holder.email.strip().lower(), salt),
                "salt": salt,
            }
        )
    if certificate.kind == CertificateKind.INTERNSHIP or not identifiers:
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": True,
                "identityHash": _identity_hash(clean(certificate.holder_name), salt),
                "salt": salt,
            }
        )
    if show_name and certificate.holder is not None and certificate.holder_name:
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": clean(certificate.holder_name),
            }
        )
    return identifiers


def _evidence(certificate: Certificate) -> list[dict]:
    evidence = []
    for course in certificate.snapshot.get("courses", []):
        details = [date_span(course.get("start"), course.get("end"))]
        if course.get("hours"):
            details.append(hours_with_unit(course["hours"]))
        if course.get("provider"):
            details.append(clean(course["provider"]))
        entry = {
            "type": ["Evidence"],
            "name": clean(course.get("title")),
            "description": " · ".join(detail for detail in details if detail),
            "genre": "Course",
        }
        if course.get("topics"):
            entry["narrative"] = ", ".join(clean(topic) for topic in course["topics"])
        evidence.append(entry)
    return evidence


def unsigned_credential(certificate: Certificate, *, show_name: bool = False) -> dict:
    if certificate.holder_erased_at is not None:
        raise CredentialWithdrawn
    certificate = ensure_credential_fields(certificate)
    with translation.override(certificate.language):
        subject = {
            "type": ["AchievementSubject"],
            "identifier": _subject_identifiers(certificate, show_name),
            "achievement": _certificate_achievement(certificate),
        }
        start = _day_start(certificate.snapshot.get("start"))
        end = _day_start(certificate.snapshot.get("end"))
        if start and certificate.kind != CertificateKind.TRANSCRIPT:
            subject["activityStartDate"] = start
            subject["activityEndDate"] = end or start
        document = {
            "@context": CONTEXT,
            "id": credential_url(certificate),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": clean(certificate.title),
            "issuer": issuer_profile(),
            "validFrom": _iso(certificate.issued_at),
            "credentialSubject": subject,
            "credentialStatus": status_list.status_entry(certificate.status_index),
        }
        if certificate.kind == CertificateKind.TRANSCRIPT:
            document["evidence"] = _evidence(certificate)
    return document


def sign(document: dict, *, created: datetime) -> dict:
    """Sign with the current key; the same content and key give the same signed document,
    which is cached by both."""
    key = keys.current_key()
    fingerprint = hashlib.sha256(
        json.dumps([document, key.multibase, _iso(created)], sort_keys=True).encode("utf-8")
    ).hexdigest()
    cache_key = f"credentials:signed:{fingerprint}"
    signed = cache.get(cache_key)
    if signed is None:
        signed = proofs.sign(
            document,
            keys.signing_key(),
            verification_method=key.verification_method,
            created=created,
        )
        cache.set(cache_key, signed, SIGNED_CACHE_SECONDS)
    return signed


def credential(certificate: Certificate, *, show_name: bool = False) -> dict:
    """The certificate's signed OpenBadgeCredential. Raises CredentialWithdrawn for a deleted
    holder's certificate."""
    document = unsigned_credential(certificate, show_name=show_name)
    return sign(document, created=certificate.reissued_at or certificate.issued_at)


def status_list_credential(number: int) -> dict:
    document, since = status_list.unsigned_list_credential(number)
    if since is not None:
        document["validFrom"] = _iso(since)
    return sign(document, created=since or timezone.now())
