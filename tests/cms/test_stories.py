import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts.roles import Role
from cms.models import ConsentScope, StoryPage
from cms.services import CmsError, withdraw_story_consent
from tests.factories import UserFactory


@pytest.fixture
def english_alias():
    def make(story):
        return story.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)

    return make


@pytest.fixture
def story_index_en(story_index):
    english = story_index.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    return english


@pytest.mark.django_db
def test_story_renders_with_association_quote_and_tags(client, make_story):
    story = make_story(quote="Kagen er det vigtigste.")
    story.tags.add("cafe")
    story.save_revision().publish()

    response = client.get("/historier/lises-loerdage/")

    assert response.status_code == 200
    assert "<h1>Lises lørdage i klubhuset</h1>" in response.text
    assert "Lise Hansen, Høng Idrætsforening" in response.text
    assert "Kagen er det vigtigste." in response.text
    assert 'href="/historier/?tag=cafe"' in response.text


@pytest.mark.django_db
def test_withdrawing_consent_unpublishes_the_story_in_every_language(
    client, make_story, story_index_en, english_alias
):
    story = make_story()
    alias = english_alias(story)
    assert client.get("/en/historier/lises-loerdage/").status_code == 200
    today = timezone.localdate()

    unpublished = withdraw_story_consent(story, withdrawn_on=today)

    assert {page.pk for page in unpublished} == {story.pk, alias.pk}
    assert list(
        StoryPage.objects.filter(translation_key=story.translation_key).values_list(
            "live", "consent_withdrawn_on"
        )
    ) == [(False, today), (False, today)]
    assert client.get("/historier/lises-loerdage/").status_code == 404
    assert client.get("/en/historier/lises-loerdage/").status_code == 404


@pytest.mark.django_db
def test_withdrawing_twice_keeps_the_first_date(make_story):
    story = make_story()
    first = timezone.localdate() - datetime.timedelta(days=2)
    withdraw_story_consent(story, withdrawn_on=first)

    unpublished = withdraw_story_consent(story, withdrawn_on=timezone.localdate())

    assert unpublished == []
    story.refresh_from_db()
    assert story.consent_withdrawn_on == first


@pytest.mark.django_db
def test_consent_cannot_be_withdrawn_before_it_was_given(make_story):
    story = make_story()

    with pytest.raises(CmsError):
        withdraw_story_consent(
            story, withdrawn_on=story.consent_given_on - datetime.timedelta(days=1)
        )

    story.refresh_from_db()
    assert story.live


@pytest.mark.django_db
def test_a_withdrawn_story_is_taken_down_again_if_someone_publishes_it(make_story):
    story = make_story()
    withdraw_story_consent(story)
    story.refresh_from_db()

    story.save_revision().publish()

    story.refresh_from_db()
    assert story.live is False


@pytest.mark.django_db
def test_restoring_an_old_revision_keeps_the_withdrawal(make_story):
    story = make_story()
    old_revision = story.latest_revision
    withdraw_story_consent(story)
    story.refresh_from_db()

    restored = old_revision.as_object()

    assert restored.consent_withdrawn_on == timezone.localdate()


@pytest.mark.parametrize(
    ("scope", "person_name", "with_image", "field"),
    [
        (ConsentScope.PHOTO, "Lise", False, "person_name"),
        (ConsentScope.NAME, "", True, "image"),
    ],
    ids=["name-without-consent", "photo-without-consent"],
)
@pytest.mark.django_db
def test_story_shows_only_what_the_consent_covers(
    make_story, scope, person_name, with_image, field
):
    from tests.cms.fixtures import make_image

    story = make_story()
    story.consent_scope = scope
    story.person_name = person_name
    if with_image:
        story.image = make_image()
        story.image_alt = "Lise i cafeen"

    with pytest.raises(ValidationError) as error:
        story.full_clean()

    assert field in error.value.message_dict


def _edit_data(story, **changes):
    data = {
        "title": story.title,
        "slug": story.slug,
        "association": story.association,
        "person_name": story.person_name,
        "lead": story.lead,
        "quote": story.quote,
        "image": "",
        "image_alt": "",
        "tags": "",
        "body": streamfield([]),
        "consent_given_by": story.consent_given_by,
        "consent_given_on": story.consent_given_on.isoformat(),
        "consent_scope": story.consent_scope,
        "consent_reference": story.consent_reference,
        "consent_withdrawn_on": "",
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.mark.django_db
def test_an_editor_saving_a_withdrawal_takes_the_story_down(client, make_story):
    story = make_story()
    client.force_login(UserFactory(roles=[Role.EDITOR]))
    today = timezone.localdate().isoformat()

    response = client.post(
        f"/admin/pages/{story.pk}/edit/", _edit_data(story, consent_withdrawn_on=today)
    )

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live is False
    assert story.consent_withdrawn_on == timezone.localdate()


@pytest.mark.indexes
@pytest.mark.django_db
def test_publishing_a_withdrawn_story_in_the_admin_is_refused(client, make_story):
    story = make_story()
    client.force_login(UserFactory(roles=[Role.VOLUNTEER_CONSULTANT]))
    today = timezone.localdate().isoformat()

    response = client.post(
        f"/admin/pages/{story.pk}/edit/",
        _edit_data(story, consent_withdrawn_on=today) | {"action-publish": "action-publish"},
    )

    assert response.status_code == 200
    assert "consent_withdrawn_on" in response.context["form"].errors


@pytest.mark.parametrize("count", [1, 4], ids=["one", "many"])
@pytest.mark.django_db
def test_story_index_query_count_is_constant(client, make_story, count, django_assert_num_queries):
    for number in range(count):
        story = make_story(title=f"Historie {number}", slug=f"historie-{number}")
        story.tags.add("idræt")
        story.save_revision().publish()
    client.get("/historier/")

    with django_assert_num_queries(11):
        response = client.get("/historier/")

    assert len(response.context["stories"]) == count


@pytest.mark.parametrize("tag", ['"', "a" * 101], ids=["quote", "long"])
@pytest.mark.django_db
def test_story_index_refuses_a_tag_that_is_no_slug_with_400(client, make_story, tag):
    story = make_story()
    story.tags.add("cafe")
    story.save_revision().publish()

    response = client.get("/historier/", {"tag": tag})

    assert response.status_code == 400
    assert [s.title for s in response.context["stories"]] == ["Lises lørdage i klubhuset"]
    assert response.context["tag"] == ""


@pytest.mark.parametrize("tag", ["\x00", "cafe\x00"], ids=["nul", "nul-in-slug"])
@pytest.mark.django_db
def test_story_index_refuses_a_nul_in_the_tag_with_400(client, make_story, tag):
    # A NUL byte reached PostgreSQL ("A string literal cannot contain NUL"): a 500. The
    # middleware refuses it before the view (core.middleware.RefuseNulCharactersMiddleware).
    make_story().save_revision().publish()

    response = client.get("/historier/", {"tag": tag})

    assert response.status_code == 400
    assert "Vi kunne ikke forstå forespørgslen" in response.text


@pytest.mark.django_db
def test_story_index_filters_by_a_danish_tag(client, make_story):
    story = make_story()
    story.tags.add("fællesskab")
    story.save_revision().publish()
    make_story(title="Anden historie", slug="anden")

    response = client.get("/historier/", {"tag": "fællesskab"})

    assert response.status_code == 200
    assert [s.title for s in response.context["stories"]] == ["Lises lørdage i klubhuset"]
    assert response.context["tag"] == "fællesskab"
