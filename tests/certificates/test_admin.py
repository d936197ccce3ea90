import pytest
from django.urls import reverse

from accounts.roles import Role
from certificates import services
from tests.certificates.conftest import attend
from tests.courses.factories import SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(completed):
    # The PDF is made on its first download (as for the demo's certificates): most of these
    # tests never open it, and rendering it was most of their time.
    return services.issue_course_certificate(completed, with_pdf=False)


@pytest.fixture
def staff(client):
    person = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    client.force_login(person)
    return person


def test_staff_find_a_certificate_by_typed_code(client, staff, certificate, course):
    other = services.issue_course_certificate(attend(SignupFactory(course=course)), with_pdf=False)
    typed = certificate.display_code.lower().replace("0", "o")

    response = client.get(reverse("certificates_admin:index"), {"q": typed})

    assert response.status_code == 200
    content = response.content.decode()
    assert certificate.display_code in content
    assert other.display_code not in content


def test_staff_find_certificates_by_name(client, staff, certificate):
    response = client.get(reverse("certificates_admin:index"), {"q": "Østergaard"})
    assert certificate.display_code in response.content.decode()


def test_staff_revoke_in_the_admin(client, staff, certificate):
    url = reverse("certificates_admin:edit", args=[certificate.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"action": "revoke", "reason": "Udstedt ved en fejl"})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Udstedt ved en fejl"
    assert certificate.revoked_by == staff


def test_staff_reissue_in_the_admin(client, staff, certificate):
    url = reverse("certificates_admin:edit", args=[certificate.pk])
    client.post(url, {"action": "reissue"})
    certificate.refresh_from_db()
    assert certificate.reissued_at is not None


def test_volunteer_consultant_may_look_but_not_revoke(client, certificate):
    client.force_login(UserFactory(roles=[Role.VOLUNTEER_CONSULTANT]))
    url = reverse("certificates_admin:edit", args=[certificate.pk])
    assert client.get(url).status_code == 200
    # Wagtail answers a PermissionDenied with a redirect to the dashboard.
    assert client.post(url, {"action": "revoke", "reason": "x"}).status_code == 302
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_editors_do_not_see_certificates(client, certificate):
    client.force_login(UserFactory(roles=[Role.EDITOR]))
    response = client.get(reverse("certificates_admin:edit", args=[certificate.pk]))
    assert response.status_code in (302, 403)
