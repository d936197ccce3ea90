"""The cms tests' factories: the courses tests' own, so a course on a page has a meeting, as
every course the site makes does."""

from tests.courses.factories import CourseFactory as CourseFactory
from tests.courses.factories import TopicFactory as TopicFactory
