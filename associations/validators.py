"""Validation of Danish business numbers (CVR)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def is_valid_cvr(value: str) -> bool:
    """A CVR number is eight digits, no leading zero, whose weighted sum is divisible by 11."""
    if len(value) != 8 or not value.isdigit() or value[0] == "0":
        return False
    return sum(int(d) * w for d, w in zip(value, CVR_WEIGHTS, strict=True)) % 11 == 0


def normalise_cvr(value: str) -> str:
    """Accept "12 34 56 78", "DK12345678" and "12-34-56-78"; keep the eight digits."""
    value = (value or "").strip().upper()
    if value.startswith("DK"):
        value = value[2:]
    return "".join(ch for ch in value if ch not in " -.")


def validate_cvr(value: str) -> None:
    if not is_valid_cvr(normalise_cvr(value)):
        raise ValidationError(
            _("Enter a valid CVR number: eight digits, as shown on virk.dk."), code="invalid_cvr"
        )


def cleaned_cvr(value: str) -> str:
    """A form's CVR input as stored: "" when none was given, else the eight digits, checked
    (accepts "DK 29 18 98 46")."""
    if not value:
        return ""
    value = normalise_cvr(value)
    validate_cvr(value)
    return value
