"""Texts kept in both languages on a model (`name` in Danish, `name_en` in English)."""

from django.utils.translation import get_language


def in_active_language(danish: str, english: str) -> str:
    """The English text when English is active and there is one, else the Danish."""
    if get_language() == "en" and english:
        return english
    return danish
