"""Factories for courses. A CourseFactory course is published, has one meeting two weeks
ahead (17:00–20:00 Copenhagen time) and ten seats unless a test says otherwise."""

from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from courses.models import Course, CourseStatus, Meeting, Provider, Signup, SignupStatus
from taxonomy.models import Topic
from tests.factories import UserFactory


def local(day, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Emne {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"emne-{n}")


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Kursusudbyder {n}")


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kursus i foreningsarbejde {n}")
    slug = factory.Sequence(lambda n: f"kursus-{n}")
    summary = "En aften om det, der gør foreningen stærkere."
    status = CourseStatus.PUBLISHED
    capacity = 10
    venue_name = "Kalundborg Rådhus"
    venue_address = "Holbækvej 141, 4400 Kalundborg"

    @factory.post_generation
    def meetings(self, create, extracted, **kwargs):
        """meetings=[(start, end), …], or a number of weekly meetings (default 1). Without
        either, a course given `starts_at=` gets its one three-hour meeting then."""
        if not create:
            return
        if extracted is None and self.starts_at is not None:
            extracted = [(self.starts_at, self.starts_at + timedelta(hours=3))]
        elif extracted is None or isinstance(extracted, int):
            count = 1 if extracted is None else extracted
            first_day = kwargs.get("first_day") or timezone.localdate() + timedelta(days=14)
            extracted = [
                (
                    local(first_day + timedelta(weeks=i), 17),
                    local(first_day + timedelta(weeks=i), 20),
                )
                for i in range(count)
            ]
        for start, end in extracted:
            Meeting.objects.create(course=self, starts_at=start, ends_at=end)
        if extracted:
            self.starts_at = min(start for start, _ in extracted)
            self.ends_at = max(end for _, end in extracted)
            Course.objects.filter(pk=self.pk).update(starts_at=self.starts_at, ends_at=self.ends_at)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create and extracted:
            Course.organisers.through.objects.bulk_create(
                Course.organisers.through(course_id=self.pk, user_id=user.pk) for user in extracted
            )


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    course = factory.SubFactory(CourseFactory, meetings=0)
    starts_at = factory.LazyFunction(lambda: local(timezone.localdate() + timedelta(days=14), 17))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(hours=3))


class SignupFactory(factory.django.DjangoModelFactory):
    """A confirmed signup, written straight to the database (tests arrange state with it;
    the code under test changes it only through courses.services)."""

    class Meta:
        model = Signup

    course = factory.SubFactory(CourseFactory)
    user = factory.SubFactory(UserFactory)
    status = SignupStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


def waitlist(course, users, start: int = 1) -> list[Signup]:
    """Put `users` on the waiting list in this order."""
    return [
        SignupFactory(
            course=course,
            user=user,
            status=SignupStatus.WAITLISTED,
            confirmed_at=None,
            waitlisted_at=timezone.now(),
            queue_number=start + index,
        )
        for index, user in enumerate(users)
    ]
