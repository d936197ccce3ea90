"""The participant's check-in QR code (courses.services.checkin) on the course page and
Mine sider: an inline SVG image as a data: URI, which the CSP allows (img-src data:)."""

from functools import lru_cache

import segno
from django import template

from courses.models import SignupStatus
from courses.services.checkin import checkin_url

register = template.Library()


@lru_cache(maxsize=2048)
def _qr_data_uri(url: str) -> str:
    # Encoding a QR code is pure and costly (segno's mask scoring: ~8 ms each, most of
    # Mine kurser's time with a few coming courses); a signup's link never changes.
    return segno.make(url, error="m").svg_data_uri(border=2, dark="#1b1b1b")


def checkin_qr_data_uri(signup) -> str:
    return _qr_data_uri(checkin_url(signup))


@register.simple_tag
def checkin_qr(signup, course) -> str:
    """The QR code's data: URI for a confirmed signup of `course` (the signup's, passed in
    so that a page that has it asks no query) that has not ended, else ""."""
    if signup.status != SignupStatus.CONFIRMED or course.is_cancelled or course.has_ended:
        return ""
    return checkin_qr_data_uri(signup)
