"""Pick the URLs the benchmark drives and create what they need; prints them as JSON.

Run by bench/run.py against the benchmark database after seeding:
`python -m bench.targets` → {"name": "/path", …}. Idempotent.
"""

import json

from bench.django_setup import setup

setup()


from cms.models import GuidePage  # noqa: E402
from courses.models import Topic  # noqa: E402
from courses.queries import catalogue_courses  # noqa: E402


def course_targets() -> dict[str, str]:
    upcoming = catalogue_courses().filter(slug__startswith="bench-")
    course = upcoming.filter(meetings__isnull=False).order_by("starts_at").first()
    topic = Topic.objects.filter(courses__in=upcoming).order_by("slug").first()
    return {
        "/kurser/": "/kurser/",
        "/kurser/?topic=…&format=…": f"/kurser/?topic={topic.slug}&format=in_person",
        "/kurser/<slug>/": f"/kurser/{course.slug}/",
    }


def guide_target() -> dict[str, str]:
    guide = GuidePage.objects.live().filter(slug__startswith="bench-").order_by("pk").first()
    return {"guide page": guide.url}


def main() -> None:
    targets = {"bare view (baseline)": "/bench/bare/", "/": "/"}
    targets.update(course_targets())
    targets.update(guide_target())
    print(json.dumps(targets))


if __name__ == "__main__":
    main()
