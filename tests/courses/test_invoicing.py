"""Paid courses: EAN and CVR numbers, and what an invoiced course asks and shows."""

import csv
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from accounts.roles import Role
from courses import services
from courses.models import Course, PaymentMethod, Signup, SignupStatus
from courses.models.invoicing import digits_only, validate_cvr, validate_ean
from courses.personal_data import export as personal_data
from courses.validators import course_errors
from tests.courses.admin_helpers import ADD_URL as ADMIN_ADD_URL
from tests.courses.admin_helpers import course_form as admin_course_form
from tests.courses.admin_helpers import meeting_row as admin_meeting
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory


@pytest.mark.parametrize("value", ["", "5798000000001", "5790 0012 3456 0", "5790-001234560"])
def test_valid_ean_numbers(value):
    validate_ean(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("579800000000", "13 cifre"),
        ("57980000000011", "13 cifre"),
        ("579800000000A", "13 cifre"),
        ("5798000000002", "sidste ciffer"),
    ],
)
def test_invalid_ean_numbers(value, message):
    with pytest.raises(ValidationError, match=message):
        validate_ean(value)


@pytest.mark.parametrize("value", ["", "12345678", "12 34 56 78"])
def test_valid_cvr_numbers(value):
    validate_cvr(value)


@pytest.mark.parametrize("value", ["1234567", "123456789", "1234567X"])
def test_invalid_cvr_numbers(value):
    with pytest.raises(ValidationError, match="8 cifre"):
        validate_cvr(value)


def test_digits_only_drops_spaces_and_dashes():
    assert digits_only(" 12 34-56 78 ") == "12345678"


# --- the course, the signup and the lists ------------------------------------------------


NOTE = "Fakturaen sendes efter kurset."


@pytest.fixture
def organiser(db):
    return UserFactory()


@pytest.fixture
def invoiced(organiser):
    return CourseFactory(
        title="Førstehjælp",
        price=Decimal(150),
        payment_method=PaymentMethod.INVOICE,
        payment_note=NOTE,
        organisers=[organiser],
    )


def signup_data(**extra):
    data = {
        "association": "Høng Gymnastikforening",
        "invoice_association": "Høng Gymnastikforening",
        "invoice_ean": "",
        "invoice_cvr": "1234 5678",
        "invoice_reference": "Att. Kim",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_course_page_states_price_payment_and_asks_for_invoicing(client, invoiced):
    client.force_login(UserFactory())

    response = client.get(f"/kurser/{invoiced.slug}/")

    assert "150 kr." in response.text
    assert "Faktura til foreningen (EAN eller CVR)" in response.text
    assert NOTE in response.text
    assert "<legend>Fakturering</legend>" in response.text
    assert 'name="invoice_cvr"' in response.text


@pytest.mark.django_db
def test_pay_on_the_day_and_free_courses_ask_nothing(client):
    client.force_login(UserFactory())
    on_the_day = CourseFactory(price=75, payment_method=PaymentMethod.ON_THE_DAY)
    free = CourseFactory()

    first = client.get(f"/kurser/{on_the_day.slug}/").text
    second = client.get(f"/kurser/{free.slug}/").text

    assert "Betaling på dagen" in first
    assert 'name="invoice_cvr"' not in first
    assert "Betaling</dt>" not in second
    assert 'name="invoice_cvr"' not in second


@pytest.mark.django_db
def test_signup_stores_invoicing_details_and_confirms_them(
    client, invoiced, django_capture_on_commit_callbacks
):
    person = UserFactory()
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/kurser/{invoiced.slug}/tilmeld/", signup_data())

    assert response.status_code == 302
    signup = Signup.objects.get(course=invoiced, user=person)
    assert (signup.invoice_association, signup.invoice_cvr, signup.invoice_reference) == (
        "Høng Gymnastikforening",
        "12345678",
        "Att. Kim",
    )
    body = mail.outbox[-1].body
    assert "Betaling: Faktura til foreningen" in body
    assert NOTE in body
    assert "Faktura til: Høng Gymnastikforening, CVR 12345678, ref. Att. Kim" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"invoice_association": ""}, "Dette felt er påkrævet"),
        ({"invoice_cvr": ""}, "CVR-nummer eller dens EAN-nummer"),
        ({"invoice_cvr": "1234567"}, "8 cifre"),
        ({"invoice_ean": "5798000000002"}, "sidste ciffer"),
    ],
)
def test_signup_with_bad_invoicing_details_is_a_400(client, invoiced, data, message):
    client.force_login(UserFactory())

    response = client.post(f"/kurser/{invoiced.slug}/tilmeld/", signup_data(**data))

    assert response.status_code == 400
    assert message in response.text
    assert not Signup.objects.filter(course=invoiced).exists()


@pytest.mark.django_db
def test_the_service_refuses_an_invoiced_signup_without_details(invoiced):
    with pytest.raises(services.CourseError, match="faktureres"):
        services.sign_up(invoiced, UserFactory())

    signup = services.sign_up(
        invoiced, UserFactory(), invoice_association="Gørlev Boldklub", invoice_ean="5798000000001"
    )
    assert signup.invoice_ean == "5798000000001"


@pytest.mark.django_db
def test_free_course_stores_no_invoicing_details():
    signup = services.sign_up(CourseFactory(), UserFactory(), invoice_cvr="12345678")

    assert signup.invoice_cvr == ""


@pytest.mark.django_db
def test_participant_corrects_the_invoicing_details(client, invoiced):
    person = UserFactory()
    SignupFactory(course=invoiced, user=person, invoice_association="Gammel", invoice_cvr="1")
    client.force_login(person)

    page = client.get(f"/kurser/{invoiced.slug}/min-tilmelding/")
    response = client.post(
        f"/kurser/{invoiced.slug}/min-tilmelding/",
        signup_data(invoice_cvr="", invoice_ean="5790 0012 3456 0"),
    )

    assert "<legend>Fakturering</legend>" in page.text
    assert response.status_code == 302
    signup = Signup.objects.get(course=invoiced, user=person)
    assert (signup.invoice_ean, signup.invoice_cvr) == ("5790001234560", "")


@pytest.mark.django_db
def test_invoicing_list_csv_and_xlsx(client, invoiced, organiser, django_assert_max_num_queries):
    SignupFactory(
        course=invoiced,
        user=UserFactory(full_name="Bo"),
        invoice_association="=HYPERLINK(1)",
        invoice_cvr="12345678",
    )
    SignupFactory(
        course=invoiced,
        user=UserFactory(full_name="Anna"),
        invoice_association="Gørlev Boldklub",
        invoice_ean="5798000000001",
    )
    SignupFactory(course=invoiced, status=SignupStatus.WAITLISTED, queue_number=1)
    client.force_login(organiser)

    with django_assert_max_num_queries(8):
        response = client.get(f"/kurser/{invoiced.slug}/arrangoer/fakturering.csv")

    assert response["Content-Disposition"].endswith('-fakturering.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Forening, der faktureres", "EAN-nummer", "CVR-nummer"]
    assert [row[0] for row in rows[1:]] == ["'=HYPERLINK(1)", "Gørlev Boldklub"]
    assert rows[2][1] == "5798000000001"
    assert rows[2][7] == "150,00"

    xlsx = client.get(f"/kurser/{invoiced.slug}/arrangoer/fakturering.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Bo", "Anna"]
    assert "fakturering.xlsx" in client.get(f"/kurser/{invoiced.slug}/arrangoer/").text


@pytest.mark.django_db
def test_invoicing_list_only_for_organisers_of_invoiced_courses(client, invoiced, organiser):
    client.force_login(UserFactory())
    assert client.get(f"/kurser/{invoiced.slug}/arrangoer/fakturering.csv").status_code == 404

    client.force_login(organiser)
    on_the_day = CourseFactory(price=75, payment_method=PaymentMethod.ON_THE_DAY)
    Course.organisers.through.objects.create(course=on_the_day, user=organiser)
    assert client.get(f"/kurser/{on_the_day.slug}/arrangoer/fakturering.csv").status_code == 404
    assert "fakturering" not in client.get(f"/kurser/{on_the_day.slug}/arrangoer/").text


def test_a_priced_course_must_say_how_it_is_paid():
    errors = course_errors(
        data={"price": Decimal(150), "payment_method": ""},
        schedule=[],
        old_status=None,
        has_active_signups=False,
    )
    assert "Vælg, hvordan kurset betales" in str(errors.error_dict["payment_method"])
    assert (
        course_errors(
            data={"price": Decimal(0), "payment_method": ""},
            schedule=[],
            old_status=None,
            has_active_signups=False,
        )
        is None
    )


@pytest.mark.django_db
def test_invoicing_details_are_in_the_personal_data_export(invoiced):
    signup = SignupFactory(course=invoiced, invoice_association="Roklubben", invoice_cvr="12345678")

    (exported,) = personal_data(signup.user)["signups"]
    assert exported["invoicing"] == {
        "association": "Roklubben",
        "ean": "",
        "cvr": "12345678",
        "reference": "",
    }


@pytest.mark.django_db
def test_demo_has_a_course_invoiced_to_the_association(demo_site):
    course = Course.objects.get(slug="foerstehjaelp-for-traenere-og-ledere")

    assert course.price == 150
    assert course.is_invoiced
    assert "CVR-nummer" in course.payment_note
    holders = course.signups.filter(status=SignupStatus.CONFIRMED)
    assert holders.exists()
    assert not holders.filter(invoice_association="").exists()
    assert not holders.filter(invoice_cvr="").exists()


@pytest.fixture
def course_admin_client(client):
    client.force_login(UserFactory(roles=[Role.COURSE_ADMINISTRATOR]))
    return client


@pytest.mark.django_db
def test_admin_course_form_asks_how_a_priced_course_is_paid(course_admin_client):
    form = admin_course_form(meetings=[admin_meeting(20)], price="150")
    page = course_admin_client.get(ADMIN_ADD_URL)

    refused = course_admin_client.post(ADMIN_ADD_URL, form)
    form = admin_course_form(
        meetings=[admin_meeting(20)],
        price="150",
        payment_method="invoice",
        payment_note="Fakturaen sendes efter kurset.",
    )
    saved = course_admin_client.post(ADMIN_ADD_URL, form)

    assert 'name="payment_method"' in page.text
    assert 'name="payment_note"' in page.text
    assert refused.status_code == 200
    assert "Vælg, hvordan kurset betales" in refused.text
    assert saved.status_code == 302
    course = Course.objects.get()
    assert (course.payment_method, course.payment_note) == (
        PaymentMethod.INVOICE,
        "Fakturaen sendes efter kurset.",
    )
