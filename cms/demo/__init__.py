"""Demo page tree: the home page, about, privacy policy and accessibility statement, in Danish
with English translations, the site's contact details, and the guidance section: three guides
with their downloadable templates, three stories, and the topics and courses they point to.

The content is data in cms/demo_data/ (read by cms.demo.content); this seeds it.
Idempotent: pages are found by type and slug, documents by title, topics by name and courses
by slug; nothing that exists is changed.
"""

from wagtail.models import Locale, Page, Site

from cms.demo.content import load, page_content
from cms.demo.pages import ensure_child
from cms.demo.pages import publish_page as _publish
from cms.demo.pages import translate_page as _translate
from cms.models import HomePage, SiteContactSettings, StandardPage


def _ensure_home(root: Page, content: dict) -> HomePage:
    home = HomePage.objects.filter(locale__language_code="da").first()
    if home is not None:
        return home
    home = HomePage(**content)
    root.add_child(instance=home)
    _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, is_default_site=True, root_page=home
        )
    else:
        welcome = site.root_page
        site.root_page = home
        site.site_name = "Frivilligløft"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page is not ours; remove it.
        if type(welcome.specific) is Page and not welcome.get_children().exists():
            welcome.delete()
    return home


def seed(command):
    data = load("pages")
    root = Page.get_first_root_node()
    english = Locale.objects.get(language_code="en")

    home = _ensure_home(root, page_content(data["home"]["da"]))
    _translate(home, english, page_content(data["home"]["en"]))
    pages = {}
    for key in ("about", "privacy", "accessibility"):
        pages[key] = ensure_child(home, StandardPage, page_content(data[key]["da"]))
    for key, page in pages.items():
        _translate(page, english, page_content(data[key]["en"]))

    site = Site.objects.get(is_default_site=True)
    contact = SiteContactSettings.for_site(site)
    if not contact.organisation:
        for field, value in data["contact"].items():
            setattr(contact, field, value)
        contact.about_page = pages["about"]
        contact.privacy_page = pages["privacy"]
        contact.accessibility_page = pages["accessibility"]
        contact.save()

    from cms.demo.guidance import seed_guidance

    seed_guidance(home, english, data)
    return []
