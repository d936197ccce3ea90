"""Demo page tree (cms/demo_data/): the home page, about, privacy policy and accessibility
statement, in Danish with English translations, the site's contact details, and the guidance
section: three guides with their downloadable templates, three stories, and the topics and
courses they point to. Idempotent: pages are found by type and slug, documents by title, topics
by name and courses by slug; nothing that exists is changed.
"""

from wagtail.models import Locale, Page, Site

from cms.demo.content import load, page_content
from cms.demo.pages import ensure_child, publish_page, translate_page
from cms.models import HomePage, SiteContactSettings, StandardPage

PAGES = ("about", "privacy", "accessibility")


def _ensure_home(content: dict) -> HomePage:
    home = HomePage.objects.filter(locale__language_code="da").first()
    if home is not None:
        return home
    home = HomePage(**content)
    Page.get_first_root_node().add_child(instance=home)
    publish_page(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, is_default_site=True, root_page=home)
        return home
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
    english = Locale.objects.get(language_code="en")
    home = _ensure_home(page_content(data["home"]["da"]))
    translate_page(home, english, page_content(data["home"]["en"]))
    pages = {key: ensure_child(home, StandardPage, data[key], english) for key in PAGES}

    contact = SiteContactSettings.for_site(Site.objects.get(is_default_site=True))
    if not contact.organisation:
        for field, value in data["contact"].items():
            setattr(contact, field, value)
        for key in PAGES:
            setattr(contact, f"{key}_page", pages[key])
        contact.save()

    from cms.demo.guidance import seed_guidance

    seed_guidance(home, english, data)
    return []
