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
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import quote, urljoin, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import translation

from tests.core.fuzz_world import ROLES, build_world, url_cases

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
# The malformed path arguments the suite tries (deep: all of fuzz_world.PATH_PROBES).
SUITE_PATH_PROBES = ("nul", "long")

# Parameter names tried on every URL besides those its forms declare.
COMMON_PARAMS = (
    "q",
    "page",
    "side",
    "tag",
    "topic",
    "emne",
    "type",
    "status",
    "format",
    "audience",
    "language",
    "provider",
    "date_from",
    "date_to",
    "free_seats",
    "next",
    "ordering",
    "p",
    "association",
    "school",
    "year",
    "action",
    "id",
)


@dataclass(frozen=True)
class Payload:
    name: str
    value: str = ""
    # Sent as-is (already URL-encoded, or not UTF-8 at all) instead of `value`.
    raw: bytes | None = None
    # Every parameter twice, with these two values.
    repeated: tuple[str, str] | None = None


PAYLOADS = (
    Payload("empty", ""),
    Payload("text", "abc"),
    Payload("zero", "0"),
    Payload("negative", "-1"),
    Payload("huge-number", "9" * 40),
    Payload("int32-overflow", "2147483648"),
    Payload("int64-overflow", "9223372036854775808"),
    Payload("huge-negative", "-" + "9" * 30),
    Payload("float-overflow", "1e309"),
    Payload("nan", "NaN"),
    Payload("fraction", "1.5"),
    Payload("nul", "\x00"),
    Payload("nul-inside", "ab\x00cd"),
    Payload("quote", '"'),
    Payload("quotes", "'\"`"),
    Payload("search-syntax", '"ab* OR (c AND -d) NOT e:f & g | !h^2 ~ \\'),
    Payload("sql", "' OR 1=1 --"),
    Payload("like-wildcards", "%_\\%"),
    Payload("bidi", "\u202eabc\u2066d\u2069"),
    Payload("controls", "a\r\nb\tc\x1b\x7f\x85d\u2028"),
    Payload("long", "x" * 100_000),
    Payload("long-words", "ord " * 25_000),
    Payload("unicode", "Ærø 𝔘 💥 ليلى"),
    Payload("date-invalid", "2026-13-45"),
    Payload("date-zero", "0000-00-00"),
    Payload("date-far", "9999-12-31"),
    Payload("date-negative", "-0001-01-01"),
    Payload("datetime-invalid", "2026-02-30T25:61"),
    Payload("checkbox", "on"),
    Payload("json", '{"a": [1, 2]}'),
    Payload("html", "<script>alert(1)</script>"),
    Payload("path", "../../etc/passwd"),
    Payload("url", "https://evil.example/"),
    Payload("email", "a@b@c"),
    Payload("spaces", "   "),
    Payload("non-utf8-escaped", raw=b"%FF%FE%00"),
    Payload("non-utf8-bytes", raw=b"\xff\xfe\xc3"),
    Payload("repeated", repeated=("1", "x")),
)


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, str] = field(default_factory=dict)


class FormParser(HTMLParser):
    """The forms of a page: method, action and each field's name with a plausible value."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                Form(
                    method=(attrs.get("method") or "get").lower(),
                    action=attrs.get("action") or "",
                )
            )
            return
        if not self.forms:
            return
        fields = self.forms[-1].fields
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs or name not in fields:
                    fields[name] = attrs.get("value") or "on"
            elif kind not in ("submit", "button", "image", "file"):
                fields[name] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            fields[name] = ""
        elif tag == "option" and self._select and not fields[self._select]:
            fields[self._select] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def page_forms(response, url: str) -> list[Form]:
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    if getattr(response, "streaming", False) or len(response.content) > 3_000_000:
        return []
    parser = FormParser()
    parser.feed(response.content.decode("utf-8", "replace"))
    forms = []
    for form in parser.forms:
        target = urlsplit(urljoin(url, form.action or url))
        if target.netloc not in ("", "testserver"):
            continue
        form.action = target.path + (f"?{target.query}" if target.query else "")
        forms.append(form)
    return forms


def encode(params: dict[str, str], payload: Payload, targets) -> bytes:
    """`params` URL-encoded, with the parameters named in `targets` given the payload."""
    pieces = []
    for name, value in params.items():
        key = quote(name, safe="").encode()
        if name not in targets:
            pieces.append(key + b"=" + quote(value, safe="").encode())
        elif payload.raw is not None:
            pieces.append(key + b"=" + payload.raw)
        elif payload.repeated is not None:
            for repeated in payload.repeated:
                pieces.append(key + b"=" + quote(repeated, safe="").encode())
        else:
            pieces.append(key + b"=" + quote(payload.value, safe="").encode())
    return b"&".join(pieces)


@dataclass
class Failure:
    method: str
    url: str
    role: str
    status: int
    error: str
    # The parameters that carried the payload (empty for a plain GET).
    targets: frozenset = frozenset()

    def __str__(self):
        url = self.url if len(self.url) <= 160 else self.url[:157] + "…"
        return f"{self.method} {url} as {self.role}: {self.status} {self.error}"


@dataclass(frozen=True)
class KnownBug:
    """A 5xx in Wagtail's (or Django's) own code under input no browser sends, which we cannot
    fix here.
    Matched narrowly (admin URL, exception, the parameter that carried the payload); counted
    and listed in the report, not failed on."""

    name: str
    why: str
    matches: object  # Failure -> bool


def _admin(failure) -> bool:
    return failure.url.startswith("/admin/")


KNOWN_UPSTREAM_BUGS = (
    KnownBug(
        "next-taken-for-a-url-name",
        "Wagtail's admin views accept ?next= / POST next when url_has_allowed_host_and_scheme() "
        "passes, which a bare word does; django.shortcuts.redirect() then reverses it as a URL "
        "name: NoReverseMatch.",
        lambda f: _admin(f) and f.error.startswith("NoReverseMatch") and "next" in f.targets,
    ),
    KnownBug(
        "chooser-widget-invalid-id",
        "Wagtail's chooser widgets (image, document, page, snippet) look the submitted id up "
        "when a form is shown again and catch only DoesNotExist: a non-numeric id raises "
        "ValueError (Field 'id' expected a number).",
        lambda f: (
            _admin(f)
            and f.method == "POST"
            and f.error.startswith("ValueError: Field 'id' expected a number")
            and bool(f.targets & CHOOSER_FIELDS)
        ),
    ),
    KnownBug(
        "id-list-not-validated",
        "Wagtail's bulk actions and choosers' chosen-multiple views pass ?id= straight to "
        "filter(pk__in=…): a non-numeric id raises ValueError.",
        lambda f: (
            _admin(f)
            and f.error.startswith("ValueError: Field 'id' expected a number")
            and "id" in f.targets
            and ("/bulk/" in f.url or "chosen-multiple" in f.url)
        ),
    ),
    KnownBug(
        "modelcluster-child-invalid-id",
        "django-modelcluster's child formsets (a course's meetings) convert a posted "
        "'<prefix>-N-id' with to_python() and do not catch its ValidationError, as Django's "
        "own model formsets do.",
        lambda f: (
            _admin(f)
            and f.method == "POST"
            and f.error.startswith("ValidationError")
            and any(target.endswith("-id") for target in f.targets)
        ),
    ),
    KnownBug(
        "django-static-serve-long-name",
        "django.views.static.serve (media in development and tests only: SERVE_MEDIA is off in "
        "production) lets Path.exists() raise OSError for a file name over the system's limit.",
        lambda f: f.url.startswith("/media/") and f.error.startswith("OSError: [Errno 36]"),
    ),
    KnownBug(
        "streamfield-count",
        "A StreamField's form reads its '<name>-count' key with [] instead of .get(): a POST "
        "without it raises MultiValueDictKeyError.",
        lambda f: (
            _admin(f) and f.error.startswith("MultiValueDictKeyError: '") and ("-count'" in f.error)
        ),
    ),
)


def _chooser_fields() -> frozenset:
    """Form fields that Wagtail shows with a chooser widget: foreign keys to images,
    documents, pages and snippets (a course's provider)."""
    from wagtail.snippets.models import get_snippet_models

    chosen = {"wagtailimages.Image", "wagtaildocs.Document", "wagtailcore.Page"}
    chosen |= {model._meta.label for model in get_snippet_models()}
    return frozenset(
        field.name
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.many_to_one and field.related_model and field.related_model._meta.label in chosen
    )


CHOOSER_FIELDS = _chooser_fields()


def known_bug(failure) -> KnownBug | None:
    return next((bug for bug in KNOWN_UPSTREAM_BUGS if bug.matches(failure)), None)


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


def summarise(failures) -> list[str]:
    """One line per (method, path, status, error): how often, and as which roles."""
    groups: dict[tuple, list[Failure]] = {}
    for failure in failures:
        path = failure.url.partition("?")[0]
        key = (failure.method, path, failure.status, failure.error[:120])
        groups.setdefault(key, []).append(failure)
    return [
        f"{len(items)}× {method} {path} as {', '.join(sorted({i.role for i in items}))}: "
        f"{status} {error}"
        for (method, path, status, error), items in groups.items()
    ]


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
