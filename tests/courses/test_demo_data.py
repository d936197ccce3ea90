"""The demo courses' YAML (courses/demo_data/): every key is one the loaders know, so a typo
cannot silently fall back to a default."""

from courses import demo
from courses.models import Attendance, Signup, SignupStatus
from courses.services import seat_counts

COURSE_KEYS = {"slug", "title", "summary", "description", "topics", "provider", "meetings"}
RUN_KEYS = {"slug", "title", "summary", "topics", "provider", "days_ago", "meetings", "start"}
RUN_KEYS |= {"end", "capacity", "participants"}


def test_every_demo_course_key_is_known_and_its_references_exist():
    known = COURSE_KEYS | set(demo.DATA["defaults"])
    topics = {slug for slug, *_ in demo.TOPICS}
    for course in demo.DATA["courses"]:
        assert set(course) <= known, course["slug"]
        assert set(course["topics"]) <= topics
        assert course["provider"] in demo.DATA["providers"]
        assert course.get("place", "centre") in demo.DATA["places"]
    assert len({course.slug for course in demo.COURSES}) == len(demo.COURSES)


def test_every_past_run_key_is_known_and_bench_reads_the_same_catalogue():
    known = RUN_KEYS | set(demo.ACTIVITY["past_run_defaults"])
    for run in demo.ACTIVITY["past_runs"]:
        assert set(run) <= known, run["slug"]
    # courses/bench.py picks from these: plain values with the fields it reads.
    course = demo.COURSES[0]
    assert course.description.startswith("<p>")
    assert course.place[0]
    assert course.title
    assert {"name", "contact_email"} <= set(demo.PROVIDERS[0])


def test_the_seeded_demo_holds_only_states_the_services_make(demo_site):
    waiting = Signup.objects.filter(status=SignupStatus.WAITLISTED).select_related("course")
    # Nobody waits for a course with a free seat (the services would have given it to them).
    assert waiting.exists()
    assert all(not seat_counts(s.course).has_free_seat(s.course) for s in waiting)
    # Attendance was marked by the course administrator, through the service.
    marked_by = set(Attendance.objects.values_list("marked_by__email", flat=True))
    assert marked_by == {"kursus@frivilligloeft.test"}
    offer = Signup.objects.get(status=SignupStatus.OFFERED)
    assert offer.course.signups.filter(status=SignupStatus.CANCELLED).exists()
