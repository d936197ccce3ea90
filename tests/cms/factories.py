import datetime

import factory
from django.utils import timezone

from courses.models import Course, CourseStatus
from tests.courses.factories import TopicFactory as TopicFactory


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kursus {n}")
    slug = factory.Sequence(lambda n: f"kursus-{n}")
    summary = "Et kursus for frivillige."
    status = CourseStatus.PUBLISHED
    venue_name = "Frivillighuset"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            # A ParentalManyToManyField is written by the course's save().
            self.topics.set(extracted)
            self.save()
