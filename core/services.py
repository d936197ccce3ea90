"""What every app's services share: one base for the errors they raise, and the view helper
that turns such an error into a message.

A service refuses a change by raising a subclass of `ServiceError` (CourseError, NetworkError,
AssociationError, SchoolError, CertificateError, CmsError, AccountError) with a translated
message meant for the person. A view that only shows that message and redirects uses
`run_service` instead of writing the try/except/else again; a form page passes its form, and
the message goes on the form instead (`run_form_service` when the service takes the form's
fields as they are), and answers with `render_form`: 400 while the form shows errors.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.shortcuts import render


class ServiceError(Exception):
    """A change that is not allowed; the message is shown to the person as it is."""


def run_service(
    request,
    service: Callable[..., Any],
    *args,
    success: str | Callable[[Any], str] | None = None,
    form=None,
    **kwargs,
) -> tuple[bool, Any]:
    """Call `service(*args, **kwargs)`; a ServiceError becomes an error message, or with
    `form`, the form's own error (shown above its fields, so the page answers 400).

    Returns (True, the service's result) after adding `success` (a text, or a function of the
    result) as a success message, or (False, None) after adding the error's message. Any
    other exception is a bug and propagates.
    """
    try:
        result = service(*args, **kwargs)
    except ServiceError as error:
        if form is None:
            messages.error(request, str(error))
        else:
            form.add_error(None, str(error))
        return False, None
    if success is not None:
        messages.success(request, success(result) if callable(success) else success)
    return True, result


def run_form_service(
    request, form, service: Callable[..., Any], *args, success=None, **kwargs
) -> tuple[bool, Any]:
    """On a POST whose `form` is valid: `run_service` of `service(*args, by=the visitor, the
    form's cleaned data and kwargs as keyword arguments)`, a refusal shown on the form. (False,
    None) on any other request."""
    if request.method != "POST" or not form.is_valid():
        return False, None
    return run_service(
        request,
        service,
        *args,
        by=request.user,
        form=form,
        success=success,
        **form.cleaned_data,
        **kwargs,
    )


def render_form(request, template_name: str, context: dict):
    """A form page: status 400 while `context["form"]` has errors (invalid input, or a
    refusal `run_service` put on it), else 200."""
    return render(request, template_name, context, status=400 if context["form"].errors else 200)
