import datetime

import pytest
from django.utils import timezone

from associations import queries
from associations.models import RoleKind
from courses.models import Attendance, Meeting
from courses.queries import completed_signups
from tests.associations.factories import (
    AdminRoleFactory,
    AssociationFactory,
    NeedFactory,
    RoleFactory,
)
from tests.courses.factories import CourseFactory, SignupFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _past_course(topics, meetings=2, **kwargs):
    first = timezone.localdate() - datetime.timedelta(days=60)
    return CourseFactory(topics=topics, meetings=meetings, meetings__first_day=first, **kwargs)


def _attend(signup, present_count):
    for i, meeting in enumerate(Meeting.objects.filter(course=signup.course).order_by("starts_at")):
        Attendance.objects.create(signup=signup, meeting=meeting, present=i < present_count)


def test_overview_counts_only_consenting_board_members_who_completed():
    association = AssociationFactory()
    economy, leadership, grants = TopicFactory(), TopicFactory(), TopicFactory()
    course = _past_course([economy, leadership], min_attendance_percent=100)
    consenting = RoleFactory(association=association, consent_show_competences=True)
    silent = RoleFactory(association=association, consent_show_competences=False)
    leader = RoleFactory(
        association=association, role=RoleKind.VOLUNTEER_LEADER, consent_show_competences=True
    )
    dropout = RoleFactory(association=association, consent_show_competences=True)
    for role in (consenting, silent, leader):
        _attend(SignupFactory(course=course, user=role.user), 2)
    _attend(SignupFactory(course=course, user=dropout.user), 1)
    NeedFactory(association=association, topic=economy)
    NeedFactory(association=association, topic=grants, note="Vi skal søge fonde")
    upcoming = CourseFactory(topics=[grants], meetings=1)

    overview = queries.board_competence_overview(association)

    assert [(e.topic, e.people) for e in overview.covered] == sorted(
        [(economy, [consenting.user]), (leadership, [consenting.user])],
        key=lambda pair: pair[0].name,
    )
    gaps = [e for e in overview.needs if e.is_gap]
    assert [(e.topic, e.suggested_courses, e.need_note) for e in gaps] == [
        (grants, [upcoming], "Vi skal søge fonde")
    ]
    assert [e.topic for e in overview.needs if not e.is_gap] == [economy]
    assert overview.consenting_count == 2


def test_completed_rule_matches_courses_completed_signups():
    topic = TopicFactory()
    courses = [
        _past_course([topic], meetings=3, min_attendance_percent=pct) for pct in (50, 67, 100)
    ]
    users = []
    for course in courses:
        for present in range(4):
            signup = SignupFactory(course=course)
            _attend(signup, min(present, 3))
            users.append(signup.user_id)
    # A course with a cancelled meeting: the share counts only the meetings held.
    cancelled = _past_course([topic], meetings=2, min_attendance_percent=100)
    first, second = Meeting.objects.filter(course=cancelled).order_by("starts_at")
    Meeting.objects.filter(pk=second.pk).update(cancelled_at=timezone.now())
    signup = SignupFactory(course=cancelled)
    Attendance.objects.create(signup=signup, meeting=first, present=True)
    users.append(signup.user_id)

    expected = {s.pk for c in [*courses, cancelled] for s in completed_signups(c)}
    actual = {s.pk for s in queries._completed_signups_of(users)}

    assert actual == expected
    assert len(expected) > 0


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_overview_page_query_count_is_constant(client, django_assert_num_queries, count):
    admin = AdminRoleFactory(association__slug="talt", consent_show_competences=True)
    association = admin.association
    for _ in range(count):
        topic, gap = TopicFactory(), TopicFactory()
        course = _past_course([topic], meetings=1)
        member = RoleFactory(association=association, consent_show_competences=True)
        _attend(SignupFactory(course=course, user=member.user), 1)
        NeedFactory(association=association, topic=topic)
        NeedFactory(association=association, topic=gap)
        CourseFactory(topics=[gap], meetings=1)
    client.force_login(admin.user)

    with django_assert_num_queries(19):
        response = client.get("/mine-sider/foreninger/talt/kompetencer/")

    assert response.status_code == 200


def test_overview_counts_a_qualifying_course_only_while_its_qualification_is_valid():
    from courses.models import QualificationKind

    association = AssociationFactory()
    first_aid_topic = TopicFactory()
    kind = QualificationKind.objects.create(name="Førstehjælp", validity_months=24)
    long_ago = timezone.localdate() - datetime.timedelta(days=800)
    expired = CourseFactory(
        topics=[first_aid_topic], qualification=kind, meetings=1, meetings__first_day=long_ago
    )
    recent = _past_course([first_aid_topic], meetings=1, qualification=kind)
    lapsed = RoleFactory(association=association, consent_show_competences=True)
    renewed = RoleFactory(association=association, consent_show_competences=True)
    _attend(SignupFactory(course=expired, user=lapsed.user), 1)
    _attend(SignupFactory(course=expired, user=renewed.user), 1)
    _attend(SignupFactory(course=recent, user=renewed.user), 1)
    NeedFactory(association=association, topic=first_aid_topic)

    overview = queries.board_competence_overview(association)

    assert [(e.topic, e.people) for e in overview.covered] == [(first_aid_topic, [renewed.user])]
