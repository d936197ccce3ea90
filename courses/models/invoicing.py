"""Paying for a course: how the course is paid, and the numbers an invoice goes to.

A Danish association is invoiced by its CVR number (8 digits, the business register), or, when
it trades with the public sector through NemHandel, by its EAN location number (13 digits,
a GS1 number whose last digit is a check digit).
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

SPACES = re.compile(r"[\s-]+")


class PaymentMethod(models.TextChoices):
    INVOICE = "invoice", _("Invoice to the association (EAN or CVR)")
    ON_THE_DAY = "on_the_day", _("Pay on the day")


def digits_only(value: str) -> str:
    """The number as typed, without spaces and dashes ("5790 0012 3456 7" → "5790001234567")."""
    return SPACES.sub("", value or "")


def gs1_check_digit(body: str) -> int:
    """The GS1 check digit for the digits before it (weights 3, 1, 3, … from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def validate_ean(value: str) -> None:
    number = digits_only(value)
    if not number:
        return
    if not number.isdigit() or len(number) != 13:
        raise ValidationError(_("An EAN number has 13 digits."), code="ean_length")
    if gs1_check_digit(number[:-1]) != int(number[-1]):
        raise ValidationError(
            _("This EAN number does not exist: the last digit does not match. Check it again."),
            code="ean_check",
        )


def validate_cvr(value: str) -> None:
    number = digits_only(value)
    if number and (not number.isdigit() or len(number) != 8):
        raise ValidationError(_("A CVR number has 8 digits."), code="cvr_length")
