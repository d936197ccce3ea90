import datetime

import factory
from django.utils import timezone

from schools.models import (
    InternshipOffer,
    OfferStatus,
    Placement,
    PlacementPupil,
    School,
    SchoolCoordinator,
    SchoolType,
    ThemeWeek,
    ThemeWeekContribution,
)
from tests.associations.factories import AdminRoleFactory, AssociationFactory
from tests.factories import UserFactory


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"Skole {n}")
    slug = factory.Sequence(lambda n: f"skole-{n}")
    school_type = SchoolType.FOLKESKOLE
    address = "Skolevej 1"
    postcode = "4400"
    town = "Kalundborg"


class SchoolCoordinatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolCoordinator

    school = factory.SubFactory(SchoolFactory)
    user = factory.SubFactory(UserFactory)


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InternshipOffer

    association = factory.SubFactory(AssociationFactory)
    title = factory.Sequence(lambda n: f"Praktik {n}")
    tasks = "Hjælp til træning af de yngste."
    hours_total = 12
    weeks = "Uge 10–12"
    places = 4
    contact_name = "Kontaktperson"
    contact_email = "praktik@example.org"
    status = OfferStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement
        skip_postgeneration_save = True

    offer = factory.SubFactory(OfferFactory)
    school = factory.SubFactory(SchoolFactory)
    pupil_count = 1

    @factory.post_generation
    def pupils(self, create, extracted, **kwargs):
        if not create:
            return
        names = extracted or [("Ida", "8.A")][: self.pupil_count]
        for first_name, class_name in names:
            PlacementPupil.objects.create(
                placement=self, first_name=first_name, class_name=class_name
            )


class ThemeWeekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeWeek

    school = factory.SubFactory(SchoolFactory)
    theme = factory.Sequence(lambda n: f"Fællesskab {n}")
    description = "Eleverne arbejder med fællesskaber i lokalsamfundet."
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=4))
    grade_level = "7. klasse"
    wants_talk = True


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeWeekContribution

    theme_week = factory.SubFactory(ThemeWeekFactory)
    association = factory.SubFactory(AssociationFactory)
    kind = "talk"
    title = factory.Sequence(lambda n: f"Oplæg {n}")
    description = "Vi fortæller om at være frivillig."
    starts_at = factory.LazyAttribute(
        lambda o: timezone.make_aware(
            datetime.datetime.combine(o.theme_week.starts_on, datetime.time(9, 0))
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1, minutes=30))


def association_admin(association=None):
    role = AdminRoleFactory(**({"association": association} if association else {}))
    return role.user


def school_coordinator(school=None):
    return SchoolCoordinatorFactory(**({"school": school} if school else {})).user
