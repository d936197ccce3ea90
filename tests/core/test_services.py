"""core.services: one base for the apps' service errors, and run_service for views."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from accounts.services import AccountError
from associations.services import AssociationError
from certificates.services import CertificateError
from cms.services import CmsError
from core.services import ServiceError, run_service
from courses.services import CourseError
from networks.services import NetworkError
from schools.services import SchoolError


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


@pytest.mark.parametrize(
    "error",
    [
        AccountError,
        AssociationError,
        CertificateError,
        CmsError,
        CourseError,
        NetworkError,
        SchoolError,
    ],
)
def test_every_apps_service_error_is_a_service_error(error):
    assert issubclass(error, ServiceError)


def test_a_refusal_becomes_an_error_message_and_no_success():
    request = _request()

    def refuse():
        raise NetworkError("Netværket er lukket for nye medlemmer.")

    assert run_service(request, refuse, success="Velkommen") == (False, None)
    assert [(m.level_tag, str(m)) for m in get_messages(request)] == [
        ("error", "Netværket er lukket for nye medlemmer.")
    ]


def test_success_can_use_the_result():
    request = _request()

    ok, result = run_service(request, lambda year: year + 1, 2026, success=lambda y: f"År {y}")

    assert (ok, result) == (True, 2027)
    assert [str(m) for m in get_messages(request)] == ["År 2027"]


def test_a_bug_is_not_turned_into_a_message():
    with pytest.raises(ZeroDivisionError):
        run_service(_request(), lambda: 1 / 0)


def test_with_a_form_the_refusal_is_the_forms_error_not_a_message():
    request = _request()
    form = forms.Form(data={})
    assert form.is_valid()

    def refuse():
        raise SchoolError("Forløbet har ikke flere pladser.")

    assert run_service(request, refuse, form=form, success="Gemt") == (False, None)
    assert form.non_field_errors() == ["Forløbet har ikke flere pladser."]
    assert list(get_messages(request)) == []
