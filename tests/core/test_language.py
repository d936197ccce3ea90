from django.utils import translation

from core.language import in_active_language


def test_english_when_english_is_active_and_there_is_an_english_text():
    with translation.override("en"):
        assert in_active_language("Bestyrelsesarbejde", "Board work") == "Board work"
    with translation.override("da"):
        assert in_active_language("Bestyrelsesarbejde", "Board work") == "Bestyrelsesarbejde"


def test_english_falls_back_to_danish_when_there_is_no_english_text():
    with translation.override("en"):
        assert in_active_language("Konflikthåndtering", "") == "Konflikthåndtering"
