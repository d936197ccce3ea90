"""Every operation of the OpenAPI document, with inputs Schemathesis generates from it: no 5xx,
and every answer (status, content type, headers, body) is what the document says.

Runs against the WSGI application in the test's transaction, on the `world` of conftest.py.
The suite gives each operation a fixed, derandomised set of 25 examples per mode, positive
(valid by the schema) and negative (invalid): about 780 requests, under a minute per database.
`make api-fuzz` (FRIVILLIGLOEFT_SCHEMATHESIS=deep) runs 300 per mode, randomly.
"""

import os

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import detail_urls

# Reads Wagtail's indexes: the API's search parameter reads the search index (tests/indexing.py).
pytestmark = pytest.mark.indexes

DEEP = os.environ.get("FRIVILLIGLOEFT_SCHEMATHESIS", "") == "deep"
EXAMPLES = 300 if DEEP else 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def schema(world, settings):
    # One client sends all of it: the rate limit is tested on its own (test_http.py).
    settings.API_RATE_LIMIT = (10**9, 60)
    # As Django's test client does: a finished request must not close the test's connection
    # (its transaction holds the world).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def run_operation(operation, mode: GenerationMode, checks, counter: list) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=not DEEP,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        counter.append(1)
        response = case.call()
        case.validate_response(response, checks=checks)

    check()


def test_schemathesis_every_operation_answers_as_documented(schema, record_property):
    operations = [result.ok() for result in schema.get_all_operations()]
    counter: list = []
    for operation in operations:
        run_operation(operation, GenerationMode.POSITIVE, CHECKS, counter)
        # Invalid input (a word for a page number, an unknown language) must be refused with
        # a 4xx, never answered as if it were valid nor with a 5xx.
        run_operation(
            operation, GenerationMode.NEGATIVE, [*CHECKS, negative_data_rejection], counter
        )
    record_property("schemathesis", {"operations": len(operations), "cases": len(counter)})
    print(f"schemathesis operations={len(operations)} cases={len(counter)}")  # noqa: T201
    assert len(operations) == 16


def test_schemathesis_real_objects_answer_as_documented(schema, world):
    """Generated slugs and ids hardly ever exist: call each detail operation with real ones."""
    operations = {
        operation.path: operation
        for operation in (result.ok() for result in schema.get_all_operations())
    }
    for url in detail_urls(world):
        template, value = _match(url, operations)
        operation = operations[template]
        name = operation.path_parameters[0].name if operation.path_parameters else None
        case = operation.Case(path_parameters={name: value} if name else {})
        response = case.call()
        assert response.status_code == 200, url
        case.validate_response(response, checks=CHECKS)


def _match(path: str, operations: dict) -> tuple[str, str]:
    for template in operations:
        head = template.split("{", 1)[0]
        if "{" in template and path.startswith(head) and path.count("/") == template.count("/"):
            return template, path.removeprefix(head).strip("/")
    raise AssertionError(path)
