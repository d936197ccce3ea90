"""Course skips ClusterableModel's search for child relations when a row is read from the
database (positional values only, issue 17); keyword construction keeps modelcluster's
behaviour: topics given to an unsaved course are kept until it is saved."""

import pytest

from courses.models import Course
from taxonomy.models import Topic
from tests.courses.factories import CourseFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_a_course_read_from_the_database_is_the_course_saved():
    topic = TopicFactory()
    saved = CourseFactory(topics=[topic])

    read = Course.objects.get(pk=saved.pk)

    assert (read.title, read.slug, read.starts_at) == (saved.title, saved.slug, saved.starts_at)
    assert read._state.adding is False
    assert list(read.topics.all()) == [topic]


def test_topics_given_to_an_unsaved_course_are_written_when_it_is_saved():
    topic = TopicFactory()
    course = Course(title="Ny kasserer", slug="ny-kasserer", summary="Kort.", topics=[topic])

    assert list(course.topics.all()) == [topic]  # held by modelcluster, not yet written
    course.save()

    assert list(Topic.objects.filter(courses=course)) == [topic]
