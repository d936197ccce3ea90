"""What the fuzz test (tests/core/test_fuzz.py) finds: a 5xx answer (`Failure`), the known
bugs of Wagtail's and Django's own code it counts but does not fail on, and the summary of
the failures by URL and error."""

from dataclasses import dataclass

from django.apps import apps


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
