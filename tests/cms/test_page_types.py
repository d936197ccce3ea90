"""Where each CMS page type may live, and that editors can really create them in the admin."""

import datetime

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts.roles import Role
from cms.models import (
    GuideIndexPage,
    GuidePage,
    HomePage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from tests.cms.factories import TopicFactory
from tests.factories import UserFactory


class TestGuidanceTree(WagtailPageTestCase):
    def test_guide_index_lives_under_the_home_page_and_holds_guides(self):
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage})

    def test_guides_live_only_in_the_guide_index(self):
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(GuidePage, set())
        self.assertCanNotCreateAt(HomePage, GuidePage)
        self.assertCanNotCreateAt(StandardPage, GuidePage)
        self.assertCanNotCreateAt(StoryIndexPage, GuidePage)

    def test_stories_live_only_in_the_story_index(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedSubpageTypes(StoryPage, set())
        self.assertCanNotCreateAt(GuideIndexPage, StoryPage)

    def test_standard_pages_cannot_hold_guidance(self):
        self.assertCanNotCreateAt(StandardPage, GuideIndexPage)
        self.assertCanNotCreateAt(StandardPage, StoryIndexPage)


# Wagtail's assertCanCreate expects the new page to be the last one created; with the page
# tree synchronised, the English aliases come after it (tested separately below).
@override_settings(WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE=False)
class TestEditorsCreateGuidance(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = root.add_child(
            instance=HomePage(title="Forside", slug="forside-e", hero_text="Hej")
        )
        cls.guides = cls.home.add_child(instance=GuideIndexPage(title="Vejledninger", slug="vejl"))
        cls.stories = cls.home.add_child(instance=StoryIndexPage(title="Historier", slug="hist"))
        cls.topic = TopicFactory()
        cls.editor = UserFactory(roles=[Role.EDITOR])

    def setUp(self):
        self.client.force_login(self.editor)

    @pytest.mark.indexes
    def test_an_editor_can_create_a_guide_index(self):
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Anden", slug="anden", hero_text="Hej"))
        self.assertCanCreate(
            home,
            GuideIndexPage,
            {"title": "Vejledninger", "slug": "vejledninger", "intro": "Hjælp."},
            publish=False,
        )

    @pytest.mark.indexes
    def test_an_editor_can_create_a_guide(self):
        self.assertCanCreate(
            self.guides,
            GuidePage,
            nested_form_data(
                {
                    "title": "Generalforsamling",
                    "slug": "generalforsamling",
                    "lead": "Sådan holder I generalforsamling.",
                    "audience": "nye bestyrelsesmedlemmer",
                    "last_reviewed": "2026-01-15",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Indkaldelse", "level": "h2"}),
                            ("heading", {"text": "Frister", "level": "h3"}),
                        ]
                    ),
                }
            )
            | {"topics": [self.topic.pk]},
            publish=False,
        )
        guide = GuidePage.objects.get(slug="generalforsamling")
        assert list(guide.topics.all()) == [self.topic]
        assert guide.last_reviewed == datetime.date(2026, 1, 15)

    def test_a_level_3_heading_before_any_level_2_heading_is_refused(self):
        url = f"/admin/pages/add/cms/guidepage/{self.guides.pk}/"
        data = nested_form_data(
            {
                "title": "Rodet",
                "slug": "rodet",
                "lead": "Tekst.",
                "audience": "alle",
                "last_reviewed": "2026-01-15",
                "body": streamfield([("heading", {"text": "For tidligt", "level": "h3"})]),
            }
        ) | {"topics": [self.topic.pk]}

        response = self.client.post(url, data)

        assert response.status_code == 200
        assert not GuidePage.objects.filter(slug="rodet").exists()
        error = response.context["form"].errors["body"].as_data()[0]
        assert [e.messages for e in error.block_errors.values()] == [
            ["Start med en overskrift på niveau 2, før du bruger niveau 3."]
        ]

    @pytest.mark.indexes
    def test_an_editor_can_create_a_story_with_recorded_consent(self):
        self.assertCanCreate(
            self.stories,
            StoryPage,
            nested_form_data(
                {
                    "title": "Lises lørdage",
                    "slug": "lises-loerdage",
                    "association": "Høng IF",
                    "person_name": "Lise",
                    "lead": "Lise bager kage.",
                    "quote": "",
                    "image": "",
                    "image_alt": "",
                    "tags": "cafe, idræt",
                    "body": streamfield([]),
                    "consent_given_by": "Lise Hansen",
                    "consent_given_on": "2026-02-01",
                    "consent_scope": "name",
                    "consent_reference": "Sag 12",
                    "consent_withdrawn_on": "",
                }
            ),
            publish=False,
        )
        story = StoryPage.objects.get(slug="lises-loerdage")
        assert story.consent_given_by == "Lise Hansen"
        assert sorted(story.tags.names()) == ["cafe", "idræt"]


class TestNewGuidesAppearInEnglish(WagtailPageTestCase):
    def test_a_guide_created_in_the_admin_gets_an_english_alias(self):
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Forside", slug="forside-a", hero_text="Hej"))
        guides = home.add_child(instance=GuideIndexPage(title="Vejledninger", slug="vejl"))
        topic = TopicFactory()
        self.client.force_login(UserFactory(roles=[Role.EDITOR]))
        data = nested_form_data(
            {
                "title": "Kasserer",
                "slug": "kasserer",
                "lead": "Om kassererens opgaver.",
                "audience": "kasserere",
                "last_reviewed": "2026-01-15",
                "body": streamfield([("heading", {"text": "Regnskab", "level": "h2"})]),
            }
        ) | {"topics": [topic.pk]}

        self.client.post(f"/admin/pages/add/cms/guidepage/{guides.pk}/", data)

        guide = GuidePage.objects.get(slug="kasserer", locale__language_code="da")
        alias = guide.get_translation(Locale.objects.get(language_code="en"))
        assert alias.alias_of_id == guide.pk
