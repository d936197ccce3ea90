import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, SiteContactSettings, StandardPage


class TestPageTree(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_page_lives_under_home_or_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    @pytest.mark.indexes
    def test_an_editor_can_create_a_standard_page(self):
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Forside", slug="forside-x", hero_text="Hej"))
        self.login()
        self.assertCanCreate(
            home,
            StandardPage,
            {
                "title": "Privatlivspolitik",
                "slug": "privatlivspolitik",
                "intro": "Sådan behandler vi dine data.",
                "body-count": "0",
            },
        )


@pytest.mark.django_db
def test_standard_page_renders_with_breadcrumbs_and_footer(client, standard_page, home_page):
    settings = SiteContactSettings.for_site(home_page.get_site())
    settings.organisation = "Kalundborg Kommune"
    settings.accessibility_page = standard_page
    settings.save()

    response = client.get("/om/")

    assert response.status_code == 200
    assert "<h1>Om Frivilligløft</h1>" in response.text
    assert 'aria-label="Du er her"' in response.text
    assert "Kalundborg Kommune" in response.text
    assert "Tilgængelighedserklæring" in response.text


@pytest.mark.django_db
def test_english_translation_is_served_under_en(client, home_page):
    response = client.get("/en/")

    assert response.status_code == 200
    assert "Frivilligløft in English" in response.text


@pytest.mark.django_db
def test_language_switcher_links_to_the_translation(client, home_page):
    danish = client.get("/")
    english = client.get("/en/")

    assert 'href="/en/" lang="en" hreflang="en"' in danish.text
    assert 'href="/" lang="da" hreflang="da"' in english.text


@pytest.mark.django_db
def test_language_switcher_on_django_views_keeps_the_path(client, user):
    client.force_login(user)

    response = client.get("/mine-sider/profil/")

    assert 'href="/en/mine-sider/profil/"' in response.text


@pytest.mark.django_db
def test_footer_is_cached_and_refreshed_when_settings_change(
    client, home_page, django_assert_max_num_queries
):
    client.get("/")
    settings = SiteContactSettings.for_site(home_page.get_site())
    settings.organisation = "Ny organisation"
    settings.save()

    assert "Ny organisation" in client.get("/").text


@pytest.mark.django_db
def test_home_page_query_count_is_small(client, home_page, django_assert_max_num_queries):
    client.get("/")  # warm the footer cache

    with django_assert_max_num_queries(12):
        client.get("/")
