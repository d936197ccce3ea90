import pytest
from django.contrib.auth.backends import ModelBackend
from django.db import IntegrityError

from accounts.models import User
from tests.factories import DEFAULT_PASSWORD, UserFactory


@pytest.mark.django_db
def test_email_is_stored_lower_case():
    user = User.objects.create_user("Mette.Soerensen@Example.ORG", "x", full_name="Mette")

    assert user.email == "mette.soerensen@example.org"


@pytest.mark.django_db
def test_email_is_unique_whatever_the_case():
    User.objects.create_user("a@example.org", "x", full_name="A")

    with pytest.raises(IntegrityError):
        User.objects.create(email="A@EXAMPLE.ORG".lower(), full_name="B")


@pytest.mark.django_db
def test_login_lookup_ignores_case():
    User.objects.create_user("a@example.org", "x", full_name="A")

    assert User.objects.get_by_natural_key("A@Example.org").email == "a@example.org"


def test_names_for_display():
    user = User(email="k@example.org", full_name="Karim Nielsen")

    assert str(user) == "Karim Nielsen"
    assert user.get_short_name() == "Karim"
    assert User(email="k@example.org").get_full_name() == "k@example.org"


def _fields(user: User) -> dict:
    return {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}


@pytest.mark.django_db
def test_get_by_pk_is_the_user_django_would_load_in_one_query(django_assert_num_queries):
    user = UserFactory(full_name="Mette Holm", phone="+45 12 34 56 78", is_staff=True)

    with django_assert_num_queries(1):
        found = User.objects.get(pk=user.pk)

    djangos = User.objects.filter(pk=user.pk).get()  # QuerySet.get: Django's own path
    assert type(found) is User
    assert found == user
    assert _fields(found) == _fields(djangos)
    assert (found._state.adding, found._state.db) == (False, "default")
    assert found.check_password(DEFAULT_PASSWORD)
    assert User._default_manager.get(pk=user.pk) == user


@pytest.mark.django_db
def test_get_by_an_unknown_pk_raises_what_django_raises():
    user = UserFactory()

    with pytest.raises(User.DoesNotExist) as ours:
        User.objects.get(pk=user.pk + 1000)
    with pytest.raises(User.DoesNotExist) as djangos:
        User.objects.filter(pk=user.pk + 1000).get()

    assert str(ours.value) == str(djangos.value) == "User matching query does not exist."


@pytest.mark.django_db
def test_every_other_get_is_djangos():
    user = UserFactory()

    assert User.objects.get(pk=str(user.pk)) == user
    assert User.objects.get(email=user.email) == user
    assert User.objects.get(pk=user.pk, is_active=True) == user
    assert User.objects.using("default").get(pk=user.pk) == user
    assert User.objects.db_manager("default").get(pk=user.pk) == user
    assert User.objects.get_by_natural_key(user.email.upper()) == user
    with pytest.raises(ValueError, match="expected a number"):
        User.objects.get(pk="not a number")
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=user.pk, is_active=False)


@pytest.mark.django_db
def test_the_request_user_is_loaded_through_it_and_a_deactivated_one_is_logged_out(client):
    user = UserFactory()
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")

    assert client.get("/mine-sider/").wsgi_request.user == user
    assert ModelBackend().get_user(user.pk) == user

    User.objects.filter(pk=user.pk).update(is_active=False)

    assert ModelBackend().get_user(user.pk) is None
    response = client.get("/mine-sider/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


@pytest.mark.django_db
def test_a_deleted_user_is_logged_out(client):
    user = UserFactory()
    client.force_login(user)
    User.objects.filter(pk=user.pk).delete()

    assert ModelBackend().get_user(user.pk) is None
    assert client.get("/mine-sider/").status_code == 302
