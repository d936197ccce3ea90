"""core.validators: names and titles are one line of text read in one direction, refused with a
translated message in the site's forms, in the Wagtail admin and on page titles."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from wagtail.models import Page

from accounts.roles import Role
from associations.models import Category
from cms.models import StandardPage
from core.models import SingleLineField
from core.validators import validate_single_line
from schools.forms import PupilFormSet
from taxonomy.models import Topic
from tests.factories import UserFactory

REFUSED = [
    ("\x00", "U+0000", "nul"),
    ("\n", "U+000A", "line-feed"),
    ("\r", "U+000D", "carriage-return"),
    ("\t", "U+0009", "tab"),
    ("\x1b", "U+001B", "escape"),
    ("\x7f", "U+007F", "delete"),
    ("\x85", "U+0085", "next-line-c1"),
    ("\x9b", "U+009B", "csi-c1"),
    ("\u2028", "U+2028", "line-separator"),
    ("\u2029", "U+2029", "paragraph-separator"),
]
BIDI = [
    ("\u202a", "U+202A", "lre"),
    ("\u202b", "U+202B", "rle"),
    ("\u202c", "U+202C", "pdf"),
    ("\u202d", "U+202D", "lro"),
    ("\u202e", "U+202E", "rlo"),
    ("\u2066", "U+2066", "lri"),
    ("\u2067", "U+2067", "rli"),
    ("\u2068", "U+2068", "fsi"),
    ("\u2069", "U+2069", "pdi"),
]


@pytest.mark.parametrize(
    ("character", "code_point"),
    [(c, p) for c, p, _ in REFUSED],
    ids=[i for _, _, i in REFUSED],
)
def test_validate_single_line_refuses_control_characters(character, code_point):
    with pytest.raises(ValidationError) as refused:
        validate_single_line(f"Anna{character}Hansen")

    assert refused.value.code == "control_character"
    assert refused.value.params == {"character": code_point}


@pytest.mark.parametrize(
    ("character", "code_point"), [(c, p) for c, p, _ in BIDI], ids=[i for _, _, i in BIDI]
)
def test_validate_single_line_refuses_bidi_embeddings_overrides_and_isolates(character, code_point):
    with pytest.raises(ValidationError) as refused:
        validate_single_line(f"{character}nessnaH annA")

    assert refused.value.code == "bidi_control"
    assert refused.value.params == {"character": code_point}


@pytest.mark.parametrize(
    "value",
    [
        "Søren Ærø-Åberg",
        "Café für Ältere",
        "ليلى حسن",  # Arabic, right to left by itself
        "Noa ‏(נועה)‏ 8.B",  # right-to-left marks keep the brackets with the Hebrew name
        "Ali \u061c(علي)",  # Arabic letter mark
        "Anna \u200eHansen",  # left-to-right mark
        "می\u200cخواهم",  # zero-width non-joiner (Persian)
        "Familie 👨\u200d👩\u200d👧",  # zero-width joiners in an emoji
        "",
    ],
    ids=["danish", "german", "arabic", "rlm", "alm", "lrm", "zwnj", "zwj", "empty"],
)
def test_validate_single_line_accepts_names_in_any_script_with_direction_marks(value):
    assert validate_single_line(value) is None


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("da", "Fjern det usynlige tegn U+202E: det ændrer skriveretningen"),
        ("en", "Remove the invisible character U+202E: it changes the direction"),
    ],
    ids=["danish", "english"],
)
def test_validate_single_line_message_is_in_the_active_language(language, message):
    with pytest.raises(ValidationError) as refused, translation.override(language):
        validate_single_line("\u202eAnna")

    with translation.override(language):
        assert refused.value.messages[0].startswith(message)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/mine-sider/profil/", "Skriv det på én linje – uden linjeskift"),
        ("/en/mine-sider/profil/", "Write this on one line, without line breaks"),
    ],
    ids=["danish", "english"],
)
def test_profile_refuses_a_line_break_in_the_name(client, path, message):
    user = UserFactory(full_name="Mette Holm")
    client.force_login(user)

    response = client.post(
        path, {"full_name": "Mette\nHolm", "phone": "", "preferred_language": "da"}
    )

    assert response.status_code == 400
    assert message in response.text
    user.refresh_from_db()
    assert user.full_name == "Mette Holm"


@pytest.mark.django_db
def test_profile_refuses_a_right_to_left_override_in_the_name(client):
    user = UserFactory(full_name="Mette Holm")
    client.force_login(user)

    response = client.post(
        "/mine-sider/profil/",
        {"full_name": "\u202emloH etteM", "phone": "", "preferred_language": "da"},
    )

    assert response.status_code == 400
    assert "Fjern det usynlige tegn U+202E" in response.text
    user.refresh_from_db()
    assert user.full_name == "Mette Holm"


@pytest.mark.django_db
def test_account_signup_refuses_a_right_to_left_override_in_the_name(client):
    response = client.post(
        "/konto/signup/",
        {
            "full_name": "\u202enessnaH annA",
            "email": "anna@example.org",
            "password1": "korrekt-hest-batteri-42",
            "password2": "korrekt-hest-batteri-42",
        },
    )

    assert response.status_code == 200
    assert "Fjern det usynlige tegn U+202E" in response.text
    assert not UserFactory._meta.model.objects.filter(email="anna@example.org").exists()


def test_pupil_names_refuse_control_and_bidi_characters():
    formset = PupilFormSet(
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "0",
            "form-0-first_name": "Ida\x00",
            "form-0-class_name": "8.A",
            "form-1-first_name": "Noah",
            "form-1-class_name": "\u20668.B\u2069",
        }
    )

    assert not formset.is_valid()
    assert [sorted(errors) for errors in formset.errors] == [["first_name"], ["class_name"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "url", "data", "model", "message"),
    [
        (
            Role.COURSE_ADMINISTRATOR,
            "/admin/snippets/taxonomy/topic/add/",
            {"name": "Ledelse\r\nog frivillige", "name_en": "", "slug": "ledelse"},
            Topic,
            "Skriv det på én linje – uden linjeskift",
        ),
        (
            Role.VOLUNTEER_CONSULTANT,
            "/admin/foreninger/kategorier/new/",
            {"name": "\u202etropS", "name_en": "Sport", "slug": "sport"},
            Category,
            "Fjern det usynlige tegn U+202E",
        ),
    ],
    ids=["snippet-topic-line-break", "viewset-category-right-to-left-override"],
)
def test_wagtail_admin_refuses_a_name_that_is_not_one_plain_line(
    client, role, url, data, model, message
):
    client.force_login(UserFactory(roles=[role]))

    response = client.post(url, data)

    assert response.status_code == 200
    assert message in response.text
    assert not model.objects.filter(slug=data["slug"]).exists()


@pytest.mark.django_db
def test_page_title_refuses_bidi_overrides_and_line_breaks(home_page):
    page = StandardPage(title="Om \u202eos", seo_title="Om\nos", slug="om-os", intro="")

    with pytest.raises(ValidationError) as refused:
        home_page.add_child(instance=page)

    assert sorted(refused.value.message_dict) == ["seo_title", "title"]
    assert not Page.objects.filter(slug="om-os").exists()


def test_single_line_field_always_validates_and_keeps_the_rule_out_of_migrations():
    field = SingleLineField("name", max_length=20)
    field.set_attributes_from_name("name")

    with pytest.raises(ValidationError) as refused:
        field.clean("Anna\u202eBo", None)
    _name, path, _args, kwargs = field.deconstruct()

    assert refused.value.error_list[0].code == "bidi_control"
    assert field.clean("Anna Bo", None) == "Anna Bo"
    assert path == "core.models.SingleLineField"
    assert "validators" not in kwargs
    assert kwargs["max_length"] == 20


def test_every_one_line_name_and_title_of_the_apps_is_a_single_line_field():
    """A model's name, title, place, town and address are SingleLineFields: a new field can
    not forget the rule."""
    own = {"accounts", "associations", "cms", "courses", "networks", "schools", "taxonomy"}
    names = {"name", "full_name", "title", "place", "town", "address", "organisation"}
    plain = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in own
        for field in model._meta.get_fields()
        if field.name in names
        and type(field) is models.CharField
        and not field.choices
        and field.model is model  # not Page.title: SingleLineTitleMixin holds it
    ]

    assert plain == []
