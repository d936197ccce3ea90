"""/bevis/: an unknown code is a friendly "not valid" page (still a 404), and a mistyped
code says what is wrong with it (issue 20)."""

import pytest
from django.urls import reverse

from certificates import codes

pytestmark = pytest.mark.django_db


def test_unknown_code_is_a_404_that_says_not_valid_with_a_form(client):
    code = codes.display(codes.generate())

    response = client.get(reverse("certificates:verify", kwargs={"code": code}))

    assert response.status_code == 404
    assert "Ikke et gyldigt bevis" in response.text
    assert f"Intet bevis fra Frivilligløft har koden {code}." in response.text
    assert 'name="code"' in response.text
    assert 'content="noindex, nofollow"' in response.text


def test_garbage_in_the_address_is_a_friendly_404(client):
    response = client.get("/bevis/ikke-en-kode/")

    assert response.status_code == 404
    assert "Ikke et gyldigt bevis" in response.text


def _mistyped_check(code: str) -> str:
    stored = code.replace("-", "")
    wrong = next(s for s in codes.ALPHABET if s != stored[-1])
    return codes.display(stored[:-1] + wrong)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("ABCD-EFGH", "En kode har 17 tegn"),
        ("ABCD-EFGH-JKMN-PQRS-!", "et tegn, som koder aldrig bruger"),
        (None, "alle 17 tegn er der, men et af dem er nok skrevet forkert"),
    ],
    ids=["too-short", "foreign-symbol", "wrong-check-character"],
)
def test_mistyped_code_says_what_is_wrong(client, typed, message):
    typed = typed or _mistyped_check(codes.display(codes.generate()))

    response = client.get(reverse("certificates:verify_form"), {"code": typed})

    assert response.status_code == 400
    assert message in response.text
    if typed.count("-") == 4 and len(typed) == 21:
        assert "tjek, at du har skrevet dem alle" not in response.text
