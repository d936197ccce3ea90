"""Every page a person can reach is valid HTML: the W3C Nu HTML checker (vnu) finds no error.

The demo content (`seed_demo`: courses, networks, associations, schools, certificates, CMS
pages) gives realistic pages. For each role the test starts at a few pages (front page, Mine
sider, the allauth pages) and follows the links it finds there, Danish and English, so a new
page is checked as soon as something links to it. Forms are also sent back empty, so pages
that show validation errors are checked too. Error pages (400, 403, 404, 429, 500, 503) are
rendered the way Django renders them. Every page is written to a temporary folder and vnu
runs once over all of them (Java starts slowly).

vnu comes from npm (`vnu-jar` in tests/tools/package.json; `make install-test-tools`) and needs
Java (`apt-get install default-jre-headless`). Without them the test is skipped with a reason,
unless FRIVILLIGLOEFT_REQUIRE_VNU=1 (set by .ci/run), which makes it fail.

The crawl itself is in tests/html_crawl/ (`crawler`: roles, links, forms, vnu; `states` and
`special_pages`: what the demo lacks and pages no link leads to).
"""

from pathlib import Path

import pytest
from django.test import Client
from django.test.signals import template_rendered
from wagtail.models import PageViewRestriction

from accounts.models import User
from accounts.sso.config import socialaccount_providers
from tests.html_crawl.crawler import (
    CANARY,
    CRAWL_LOGIN_PROVIDERS,
    NOT_PAGES,
    NOT_RENDERED,
    ROLES,
    VNU_REQUIRED,
    Crawl,
    crawl_role,
    page_templates,
    run_vnu,
    url_names,
    vnu_command,
)
from tests.html_crawl.special_pages import (
    association_invitation_pages,
    error_pages,
    invitation_pages,
    open_badge_pages,
    refusal_pages,
)
from tests.html_crawl.states import (
    add_what_the_demo_lacks,
    cancel_and_undo,
    organiser_tool_pages,
    personal_links,
)

# Reads Wagtail's indexes: the crawl reaches search and the admin's usage pages (tests/indexing.py).
pytestmark = pytest.mark.indexes


@pytest.mark.django_db
def test_every_page_is_valid_html(
    tmp_path, django_capture_on_commit_callbacks, settings, demo_site
):
    command, reason = vnu_command()
    if command is None:
        if VNU_REQUIRED:
            pytest.fail(f"FRIVILLIGLOEFT_REQUIRE_VNU=1 but {reason}")
        pytest.skip(reason)
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers(CRAWL_LOGIN_PROVIDERS)
    crawl = Crawl()
    template_rendered.connect(crawl.saw_template)
    try:
        extra_starts = add_what_the_demo_lacks()
        for role, email in ROLES.items():
            client = Client()
            if email:
                client.force_login(User.objects.get(email=email))
            crawl_role(role, client, crawl, extra_starts.get(role, []))
        personal_links(crawl)
        cancel_and_undo(crawl)
        organiser_tool_pages(crawl, django_capture_on_commit_callbacks)
        invitation_pages(crawl, django_capture_on_commit_callbacks)
        association_invitation_pages(crawl, django_capture_on_commit_callbacks)
        refusal_pages(crawl)
        open_badge_pages(crawl)
        error_pages(crawl)
    finally:
        template_rendered.disconnect(crawl.saw_template)

    # A page with a known error runs along: a checker that checks nothing cannot pass.
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    labels = {canary.name: "canary"}
    for number, (label, html) in enumerate(crawl.pages):
        path = tmp_path / f"page-{number:04d}.html"
        path.write_text(html, encoding="utf-8")
        labels[path.name] = label
    messages = run_vnu(command, tmp_path, [tmp_path / name for name in labels])
    found = [(labels.get(Path(m.get("url", "")).name, m.get("url")), m) for m in messages]
    assert [m["message"] for label, m in found if label == "canary"] == [
        "Attribute “hx-get” not allowed on element “div” at this point."
    ]
    errors = [(label, m) for label, m in found if label != "canary"]
    report = "\n".join(
        f"{label}: line {m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()!r}"
        for label, m in errors
    )
    print(f"vnu checked {len(crawl.pages)} pages: {len(errors)} errors")  # noqa: T201
    assert errors == [], f"vnu found {len(errors)} errors in {len(crawl.pages)} pages:\n{report}"
    # The crawl must keep reaching every page, or pages would silently go unchecked.
    unvisited = sorted(url_names() - crawl.view_names - set(NOT_PAGES))
    unrendered = sorted(page_templates() - crawl.templates - set(NOT_RENDERED))
    assert (crawl.failures, unvisited, unrendered) == ([], [], []), (
        "\n".join(crawl.failures)
        + f"\nURL names never visited: {', '.join(unvisited)}"
        + f"\ntemplates never rendered: {', '.join(unrendered)}"
    )


def test_a_login_restricted_page_sends_visitors_to_the_site_login(client, standard_page):
    """Not to Wagtail's unstyled login page (wagtailcore_login)."""
    PageViewRestriction.objects.create(
        page=standard_page, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get("/om/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/om/"


def test_a_password_protected_page_asks_in_the_site_layout(client, standard_page):
    PageViewRestriction.objects.create(
        page=standard_page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )

    response = client.get("/om/")

    assert response.status_code == 200
    assert [t.name for t in response.templates][:2] == [
        "wagtailcore/password_required.html",
        "base.html",
    ]
    assert "Du skal bruge en adgangskode for at se denne side." in response.text
