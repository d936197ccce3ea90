"""locale_wagtail/da (our Danish for the Wagtail admin) covers every string of the installed
Wagtail apps, is fully translated, keeps every placeholder and tag, is compiled, and staff see
the admin in Danish. See locale_wagtail/README.md."""

import gettext
import json
import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from tests.factories import DEFAULT_PASSWORD, UserFactory

LOCALE_DIR = Path(settings.BASE_DIR) / "locale_wagtail" / "da" / "LC_MESSAGES"
OUR_PO = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.po"
DOMAINS = pytest.mark.parametrize("domain", ["django", "djangojs"])
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
TAG = re.compile(r"<[^>]+>")


def catalogue(domain: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / f"{domain}.po"))


def installed_wagtail_msgids(domain: str) -> set[tuple[str | None, str]]:
    """Every (msgctxt, msgid) in the English catalogues of the installed Wagtail apps."""
    msgids = set()
    for app_config in apps.get_app_configs():
        if app_config.name != "wagtail" and not app_config.name.startswith("wagtail."):
            continue
        source = Path(app_config.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if source.exists():
            msgids |= {(e.msgctxt, e.msgid) for e in polib.pofile(str(source)) if not e.obsolete}
    return msgids


def signature(text: str) -> tuple[Counter, list[str]]:
    return Counter(PLACEHOLDER.findall(text)), sorted(TAG.findall(text))


@DOMAINS
def test_catalogue_has_exactly_the_strings_of_the_installed_wagtail(domain):
    ours = {(e.msgctxt, e.msgid) for e in catalogue(domain) if not e.obsolete}

    expected = installed_wagtail_msgids(domain)

    assert expected, "no Wagtail source catalogues found"
    assert sorted(expected - ours, key=str) == [], "Run locale_wagtail/sync.py and translate"
    assert sorted(ours - expected, key=str) == [], "Run locale_wagtail/sync.py"


@DOMAINS
def test_every_entry_is_translated_and_not_fuzzy(domain):
    po = catalogue(domain)

    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@DOMAINS
def test_header_declares_danish_with_two_plural_forms(domain):
    metadata = catalogue(domain).metadata

    assert metadata["Language"] == "da"
    assert metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert metadata["Content-Type"] == "text/plain; charset=UTF-8"


@DOMAINS
def test_translations_keep_every_placeholder_and_tag(domain):
    broken = []
    for entry in catalogue(domain).translated_entries():
        if entry.msgid_plural:
            pairs = [(entry.msgid, entry.msgstr_plural[0])] + [
                (entry.msgid_plural, text) for n, text in entry.msgstr_plural.items() if n > 0
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        broken += [(source, text) for source, text in pairs if signature(source) != signature(text)]

    assert broken == []


@DOMAINS
def test_compiled_catalogue_matches_the_source(domain):
    po = catalogue(domain)
    with (LOCALE_DIR / f"{domain}.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    stale = []
    for entry in po.translated_entries():
        if entry.msgid_plural:
            for n, expected in entry.msgstr_plural.items():
                count = 1 if n == 0 else 2
                got = (
                    compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
                    if entry.msgctxt
                    else compiled.ngettext(entry.msgid, entry.msgid_plural, count)
                )
                if got != expected:
                    stale.append(entry.msgid)
        else:
            got = (
                compiled.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt
                else compiled.gettext(entry.msgid)
            )
            if got != entry.msgstr:
                stale.append(entry.msgid)

    assert stale == [], "Run `make compilemessages` and commit the .mo files"


def test_our_own_catalogue_wins_over_the_wagtail_one():
    wagtail_msgids = {e.msgid for e in catalogue("django")}
    shared = [
        e
        for e in polib.pofile(str(OUR_PO)).translated_entries()
        if e.msgid in wagtail_msgids and not e.msgid_plural and not e.msgctxt
    ]

    with translation.override("da"):
        resolved = [(e.msgid, translation.gettext(e.msgid)) for e in shared]

    assert shared, "expected some msgids in both catalogues"
    assert resolved == [(e.msgid, e.msgstr) for e in shared]


def menu_labels(node) -> set[str]:
    """Every "label" in the sidebar's JSON props."""
    if isinstance(node, dict):
        own = {node["label"]} if isinstance(node.get("label"), str) else set()
        return own.union(*(menu_labels(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(menu_labels(value) for value in node))
    return set()


@pytest.mark.django_db
def test_staff_see_the_admin_menu_in_danish(client):
    client.force_login(UserFactory(roles=["Redaktør"]))

    response = client.get("/admin/")

    assert response.status_code == 200
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    labels = menu_labels(json.loads(props.group(1)))
    assert {"Sider", "Billeder", "Dokumenter", "Rapporter", "Hjælp"} <= labels
    assert not {"Pages", "Images", "Documents", "Reports", "Help"} & labels
    assert "Søg i alle sider…" in response.content.decode()


@pytest.mark.django_db
def test_admin_javascript_catalogue_is_danish(client):
    client.force_login(UserFactory(roles=["Redaktør"]))

    response = client.get("/admin/jsi18n/")

    assert response.status_code == 200
    text = response.content.decode()
    assert '"Page explorer": "Sidetr\\u00e6"' in text
    assert '"Toggle sidebar": "Vis/skjul sidemenu"' in text


@pytest.mark.indexes
@pytest.mark.django_db
def test_listing_header_actions_are_labelled_in_danish(client):
    client.force_login(UserFactory(roles=["Redaktør"]))

    response = client.get("/admin/images/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<nav aria-label="Handlinger" id="w-slim-header-buttons"' in html
    assert 'aria-label="Actions"' not in html


@pytest.mark.django_db
def test_admin_login_form_labels_the_password_in_danish(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    label = re.search(r'<label[^>]*for="id_password"[^>]*>\s*([^<]*?)\s*<', response.text)
    assert label.group(1) == "Adgangskode"


@pytest.mark.django_db
def test_admin_login_rejects_a_wrong_password_in_danish(client):
    user = UserFactory(roles=["Redaktør"])

    response = client.post("/admin/login/", {"username": user.email, "password": "forkert"})

    assert response.status_code == 200
    assert "Kombinationen af e-mailadresse og adgangskode er forkert. Prøv igen." in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_admin_login_with_the_right_password_opens_the_admin(client):
    user = UserFactory(roles=["Redaktør"])

    response = client.post("/admin/login/", {"username": user.email, "password": DEFAULT_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.session["_auth_user_id"] == str(user.pk)
