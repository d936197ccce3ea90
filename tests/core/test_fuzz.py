"""Zero 5xx under fuzz: every URL pattern of the project, as every role, with malformed input.

The world (tests/core/fuzz_world.py) holds one of everything; every URL pattern is filled with
its real ids, slugs, codes and tokens, in Danish and under /en/. Each URL is requested with a
GET as each role (anonymous, a volunteer, a course organiser, a school coordinator, an
association admin, a network coordinator, the three staff roles and a superuser; in the
admin, the suite leaves out the four roles that meet the same login redirect as the
volunteer). The forms on
the pages that answer are parsed for their field names and methods; then malformed values
(wrong types, huge and negative numbers, NUL, quotes and search syntax, bidi characters,
non-UTF-8 bytes, 100 kB strings, repeated and empty parameters, impossible dates) are sent in
query strings and form bodies, to the form's own fields and to a list of common parameter
names. No answer may be a 5xx; every failure is collected and reported in one assertion.

Each request runs in a savepoint that is rolled back, so a POST that deletes an account or a
venue leaves the world as it was for the next request.

In the admin, our own viewsets and admin views get the payloads; Wagtail's own views (page
editor, images, documents, users' groups, workflows, choosers) get the GETs. A few 5xx are
bugs in Wagtail's own code (and one in Django's development-only media view) under input no
browser sends (KNOWN_UPSTREAM_BUGS, matched narrowly): they are counted and named in the
report line, not failed on.

The requests are built in tests/core/fuzz_inputs.py, the findings judged in
tests/core/fuzz_findings.py, the world and URLs in fuzz_world.py and fuzz_urls.py.

In the suite (CI) every URL gets a rotating three of the payloads, which keeps the two tests
to about three minutes per database on two cores. `make fuzz` (FRIVILLIGLOEFT_FUZZ=deep)
sends every payload, in every variant, as the two richest roles, to Wagtail's admin views
too. Each test writes one "fuzz {...}" line with its counts: URL patterns, URLs, roles,
pattern × role pairs, requests, 5xx.
"""

import itertools
import json
import logging
import os
import sys
import time
from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import translation

from tests.core.fuzz_findings import Failure, known_bug, summarise
from tests.core.fuzz_inputs import COMMON_PARAMS, PAYLOADS, Form, encode, page_forms
from tests.core.fuzz_urls import url_cases
from tests.core.fuzz_world import ROLES, build_world

# Reads Wagtail's indexes: every URL, admin search and usage pages included (tests/indexing.py).
pytestmark = pytest.mark.indexes

DEEP = os.environ.get("FRIVILLIGLOEFT_FUZZ", "") == "deep"
# How many payloads each URL gets in the suite, as GET and as POST (deep: all of them).
PAYLOADS_PER_URL = 3
# How many of a page's distinct POST forms get each payload in the suite (deep: all).
MAX_POST_FORMS = 3
# How many of the roles that may open a page get the payloads when deep (the suite: one).
DEEP_ROLES = 2
# The roles the suite sends to the admin (deep: all): the other people without a staff role
# meet the same login redirect as these two.
ADMIN_ROLES = (
    "anonymous",
    "volunteer",
    "course_administrator",
    "editor",
    "volunteer_consultant",
    "superuser",
)
# The malformed path arguments the suite tries (deep: all of fuzz_urls.PATH_PROBES).
SUITE_PATH_PROBES = ("nul", "long")


class Fuzzer:
    """Sends requests as the world's roles, each in a rolled-back savepoint, and keeps count."""

    def __init__(self, world):
        self.clients = {}
        self.cookies = {}
        for role in ROLES:
            client = Client(raise_request_exception=False)
            if role != "anonymous":
                client.force_login(world.users[role])
            self.clients[role] = client
            self.cookies[role] = client.cookies.output(header="", sep=";")
        self.requests = 0
        self.pairs = set()  # (pattern, role)
        self.failures: list[Failure] = []

    def failure(self, method, url, role, status, error, targets):
        # Only the start of a URL is kept: a query may hold 100 kB in each of 25 parameters.
        short = url if len(url) <= 300 else url[:300] + "…"
        self.failures.append(Failure(method, short, role, status, error, frozenset(targets)))

    def send(self, role, method, url, *, body=b"", headers=None, targets=frozenset()):
        client = self.clients[role]
        # Every request starts from the role's own session (a logout or a language switch in
        # an earlier request must not leak into this one).
        client.cookies = SimpleCookie(self.cookies[role])
        path, _, query = url.partition("?")
        extra = {"QUERY_STRING": query} if query else {}
        for name, value in (headers or {}).items():
            extra["HTTP_" + name.upper().replace("-", "_")] = value
        self.requests += 1
        try:
            with transaction.atomic():
                response = client.generic(
                    method,
                    path,
                    data=body,
                    content_type="application/x-www-form-urlencoded",
                    **extra,
                )
                transaction.set_rollback(True)
        except Exception as error:  # a crash outside the view is a finding too
            self.failure(method, url, role, 0, f"{type(error).__name__}: {error}"[:500], targets)
            return None
        if getattr(response, "streaming", False):
            # A file download: read it to the end, which also closes it (the test client
            # closes a streaming response when its content is consumed).
            b"".join(response.streaming_content)
        if response.status_code >= 500:
            exc_info = getattr(response, "exc_info", None)
            if exc_info:
                error = f"{exc_info[0].__name__}: {str(exc_info[1])[:300]}"
            else:
                error = "(no exception: answered by a middleware or handler)"
            self.failure(method, url, role, response.status_code, error, targets)
        return response


def payload_rotation(index: int):
    """The payloads URL number `index` gets: all of them when deep, else a rotating few."""
    if DEEP:
        return PAYLOADS
    start = (index * PAYLOADS_PER_URL) % len(PAYLOADS)
    return tuple(PAYLOADS[(start + offset) % len(PAYLOADS)] for offset in range(PAYLOADS_PER_URL))


def fuzz(world, cases):
    fuzzer = Fuzzer(world)
    started = time.monotonic()
    fuzzer.seconds_by_pattern = {}
    for index, case in enumerate(cases):
        case_started = time.monotonic()
        fuzz_url(fuzzer, index, case)
        spent = time.monotonic() - case_started
        fuzzer.seconds_by_pattern[case.pattern] = (
            fuzzer.seconds_by_pattern.get(case.pattern, 0) + spent
        )
    fuzzer.elapsed = time.monotonic() - started
    return fuzzer


def fuzz_url(fuzzer, index, case):
    # allauth's and /bevis/'s rate limits count in the cache; each URL starts afresh.
    cache.clear()
    answered = {}
    if case.probe:
        # A malformed path argument: a GET as a visitor and as the superuser (every role when
        # deep) is enough to reach the view's lookup. Wagtail's own views: deep only.
        if DEEP or (case.ours and case.probe in SUITE_PATH_PROBES):
            for role in ROLES if DEEP else ("anonymous", "superuser"):
                fuzzer.send(role, "GET", case.url)
        return
    for role in ROLES if (DEEP or not case.admin) else ADMIN_ROLES:
        fuzzer.pairs.add((case.pattern, role))
        response = fuzzer.send(role, "GET", case.url)
        if response is not None and response.status_code == 200:
            answered[role] = page_forms(response, case.url)
    if not (DEEP or case.ours):
        return  # Wagtail's own admin views get payloads in the deep run only
    # Payloads go to the roles that may open the page whose forms have the most fields (one
    # in the suite, DEEP_ROLES when deep). A URL no role may GET (POST only) gets them as the
    # superuser, who passes most checks, and as one other role in turn (every role when deep).
    if answered:
        ranked = sorted(answered, key=lambda r: -sum(len(f.fields) for f in answered[r]))
        roles = ranked[: DEEP_ROLES if DEEP else 1]
    elif DEEP:
        roles = list(ROLES)
    else:
        roles = ["superuser", ROLES[index % (len(ROLES) - 1)]]
    for turn, (role, payload) in enumerate(itertools.product(roles, payload_rotation(index))):
        send_payload(fuzzer, role, case.url, answered.get(role, []), payload, index + turn)


def send_payload(fuzzer, role, url, forms, payload, turn):
    """One payload to a URL: in its GET form's fields and the common names (every other turn
    as an htmx request), and to each distinct POST form: one field (in turn) or, every other
    turn, all fields at once. One field keeps the others valid, so the view goes past their
    validation; all at once reaches every field's own validation. Deep runs send both."""
    path = url.partition("?")[0]
    common = dict.fromkeys(COMMON_PARAMS, "")
    get_form = next((f for f in forms if f.method == "get"), Form("get", path))
    params = {**common, **get_form.fields}
    query = encode(params, payload, params).decode("latin-1")
    target = get_form.action.partition("?")[0] or path
    for htmx in (False, True) if DEEP else (turn % 2 == 1,):
        headers = {"HX-Request": "true"} if htmx else None
        fuzzer.send(role, "GET", f"{target}?{query}", headers=headers, targets=frozenset(params))
    post_forms = {}
    for form in forms:
        if form.method == "post":
            post_forms.setdefault((form.action, tuple(sorted(form.fields))), form)
    for form in list(post_forms.values())[: None if DEEP else MAX_POST_FORMS] or [
        Form("post", path)
    ]:
        params = {**common, **form.fields}
        names = [name for name in form.fields if name != "csrfmiddlewaretoken"]
        choices = [set(params)]
        if names:
            choices.insert(0, {names[turn % len(names)]})
        if not DEEP:
            choices = [choices[turn % len(choices)]]
        for chosen in choices:
            body = encode(params, payload, chosen)
            fuzzer.send(role, "POST", form.action or path, body=body, targets=frozenset(chosen))


def report(fuzzer, cases, skipped, label, known, *, admin):
    patterns = {case.pattern for case in cases}
    unfilled = sorted({case.name or case.pattern for case in cases if not case.filled})
    counts = {
        "label": label,
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "deep": DEEP,
        "url_patterns": len(patterns),
        "urls": sum(case.probe is None for case in cases),
        "path_probes": sum(case.probe is not None for case in cases),
        "roles": len(ROLES) if (DEEP or not admin) else len(ADMIN_ROLES),
        "pattern_role_pairs": len(fuzzer.pairs),
        "requests": fuzzer.requests,
        "5xx": len(fuzzer.failures) - sum(known.values()),
        "5xx_known_upstream_bugs": known,
        "seconds": round(fuzzer.elapsed, 1),
        "slowest_patterns": {
            pattern: round(seconds, 1)
            for pattern, seconds in sorted(
                fuzzer.seconds_by_pattern.items(), key=lambda item: -item[1]
            )[:5]
        },
        "unfilled_patterns": unfilled,
        "skipped_patterns": skipped,
    }
    return counts


@pytest.fixture
def run_fuzz(capsys, caplog, record_property):
    """run_fuzz(admin=…, label=…): build the world, fuzz the site's or the admin's URLs, write
    the counts and fail with every 5xx that is not a known upstream bug."""

    def run(*, admin: bool, label: str):
        # Django logs every refused request (django.security: a body over
        # DATA_UPLOAD_MAX_MEMORY_SIZE, a suspicious operation) and every 500 (django.request)
        # with its traceback; pytest keeps each record, and the traceback's frames keep the
        # request's 100 kB values alive: gigabytes in a deep run. Failures are collected here.
        for logger in ("django.security", "django.request"):
            caplog.set_level(logging.CRITICAL, logger=logger)
        # An earlier test may have left English active; the world and its URLs are Danish.
        with translation.override("da"):
            world = build_world()
            cases, skipped = url_cases(world)
        cases = [case for case in cases if case.admin == admin]
        fuzzer = fuzz(world, cases)
        known, failures = {}, []
        for failure in fuzzer.failures:
            bug = known_bug(failure)
            if bug is None:
                failures.append(failure)
            else:
                known[bug.name] = known.get(bug.name, 0) + 1
        counts = report(fuzzer, cases, skipped, label, known, admin=admin)
        record_property("fuzz", counts)
        with capsys.disabled():
            sys.stdout.write(f"\nfuzz {json.dumps(counts, ensure_ascii=False)}\n")
        assert not failures, (
            f"{len(failures)} answers were 5xx; by URL and error:\n"
            + "\n".join(summarise(failures))
            + "\n\nEvery one:\n"
            + "\n".join(str(failure) for failure in failures)
        )

    return run


@pytest.mark.django_db
def test_fuzz_site_answers_no_5xx(run_fuzz):
    run_fuzz(admin=False, label="site")


@pytest.mark.django_db
def test_fuzz_admin_answers_no_5xx(run_fuzz):
    run_fuzz(admin=True, label="admin")
