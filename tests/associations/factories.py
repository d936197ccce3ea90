import datetime

import factory
from django.utils import timezone

from associations.models import (
    Activity,
    Association,
    AssociationRole,
    BoardCompetenceNeed,
    Category,
    ChildRecordDeclaration,
    Fair,
    FairStand,
    RoleKind,
    Venue,
)
from tests.factories import UserFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Association
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Forening {n}")
    slug = factory.Sequence(lambda n: f"forening-{n}")
    summary = "En forening i Kalundborg Kommune."
    description = "Vi mødes hver uge."
    town = "Høng"
    email = "kontakt@example.org"
    is_public = True

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssociationRole

    association = factory.SubFactory(AssociationFactory)
    user = factory.SubFactory(UserFactory)
    role = RoleKind.BOARD_MEMBER
    is_admin = False


class AdminRoleFactory(RoleFactory):
    role = RoleKind.CHAIR
    is_admin = True


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    association = factory.SubFactory(AssociationFactory)
    name = factory.Sequence(lambda n: f"Klubhus {n}")
    address = "Skolevej 1, 4270 Høng"
    capacity = 40


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    association = factory.SubFactory(AssociationFactory)
    title = factory.Sequence(lambda n: f"Aktivitet {n}")
    description = "Alle er velkomne."
    schedule = "tirsdage 17–19"


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildRecordDeclaration

    association = factory.SubFactory(AssociationFactory)
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    declared_by = factory.SubFactory(UserFactory)


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardCompetenceNeed

    association = factory.SubFactory(AssociationFactory)


class FairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fair

    title = factory.Sequence(lambda n: f"Frivilligmesse {n}")
    slug = factory.Sequence(lambda n: f"frivilligmesse-{n}")
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    registration_deadline = factory.LazyAttribute(lambda o: o.date - datetime.timedelta(days=7))
    place = "Kalundborg Hallerne"
    is_published = True


class StandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FairStand

    fair = factory.SubFactory(FairFactory)
    association = factory.SubFactory(AssociationFactory)
    offer = "Prøv en træning."
