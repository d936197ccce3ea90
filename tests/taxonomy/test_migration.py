"""Moving Topic from courses to taxonomy (taxonomy/0001_initial, courses/0014 and the other
apps' `*_topic_moved_to_taxonomy`) keeps every row, every relation and every permission.

The database is taken back to before the move, filled through the historical models, and
migrated forward again: on SQLite and on PostgreSQL (DATABASE_URL).
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# Unapplying taxonomy/0001 unapplies everything that depends on it: the move as a whole.
BEFORE_THE_MOVE = [("taxonomy", None)]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _migrate(targets):
    """Migrate to `targets`; the historical models of what is then applied."""
    # ContentType's in-process cache is left alone: the move keeps the row's id, and the
    # serialized rollback after the test needs the cache warm (tests/conftest.py).
    MigrationExecutor(connection).migrate(targets)
    executor = MigrationExecutor(connection)
    return executor._create_project_state(with_applied_migrations=True).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def before_the_move():
    """The historical models from before the move; the latest schema again afterwards."""
    latest = _latest()
    try:
        yield _migrate(BEFORE_THE_MOVE)
    finally:
        _migrate(latest)


def _fill(apps):
    Topic = apps.get_model("courses", "Topic")
    Course = apps.get_model("courses", "Course")
    CourseWish = apps.get_model("courses", "CourseWish")
    Network = apps.get_model("networks", "Network")
    SparringRequest = apps.get_model("networks", "SparringRequest")
    Association = apps.get_model("associations", "Association")
    Need = apps.get_model("associations", "BoardCompetenceNeed")
    User = apps.get_model("accounts", "User")
    ContentTypeThen = apps.get_model("contenttypes", "ContentType")
    LogEntry = apps.get_model("wagtailcore", "ModelLogEntry")

    board = Topic.objects.create(name="Bestyrelsesarbejde", slug="bestyrelsesarbejde")
    first_aid = Topic.objects.create(name="Førstehjælp", name_en="First aid", slug="foerstehjaelp")
    person = User.objects.create(email="anna@example.org", full_name="Anna")
    course = Course.objects.create(title="Kasserer", slug="kasserer", summary="Regnskab")
    # A historical model is no ClusterableModel: its ParentalManyToManyField never writes.
    Course.topics.through.objects.bulk_create(
        Course.topics.through(course=course, topic=topic) for topic in (board, first_aid)
    )
    CourseWish.objects.create(
        topic=first_aid, title="Mere førstehjælp", expected_participants=8, proposed_by=person
    )
    network = Network.objects.create(name="Formænd", slug="formaend", summary="Sparring")
    network.topics.set([board])
    SparringRequest.objects.create(
        topic=board, requester=person, subject="Generalforsamling", description="Hjælp"
    )
    association = Association.objects.create(name="Gørlev IF", slug="goerlev-if")
    Need.objects.create(association=association, topic=first_aid)
    topic_type = ContentTypeThen.objects.get(app_label="courses", model="topic")
    LogEntry.objects.create(
        content_type=topic_type,
        label=board.name,
        action="wagtail.edit",
        object_id=str(board.pk),
        timestamp=timezone.now(),
    )
    return {
        "board": board.pk,
        "first_aid": first_aid.pk,
        "course": course.pk,
        "network": network.pk,
        "association": association.pk,
        "content_type": topic_type.pk,
    }


def _role_topic_permissions(apps) -> set[str]:
    Group = apps.get_model("auth", "Group")
    permissions = Group.objects.get(name="Kursusadministrator").permissions.filter(
        codename__endswith="_topic"
    )
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


def test_the_move_keeps_topics_relations_and_permissions_and_can_be_undone(before_the_move):
    """Forward, then back again, in one test: taking the database back before the move
    costs about 17 s here, and a test of its own for the undo did it twice more."""
    ids = _fill(before_the_move)
    assert _role_topic_permissions(before_the_move) == {
        "courses.add_topic",
        "courses.change_topic",
        "courses.delete_topic",
        "courses.view_topic",
    }

    apps = _migrate(_latest())

    Topic = apps.get_model("taxonomy", "Topic")
    assert Topic._meta.db_table == "courses_topic"
    assert list(Topic.objects.order_by("pk").values_list("pk", "slug", "name_en")) == [
        (ids["board"], "bestyrelsesarbejde", ""),
        (ids["first_aid"], "foerstehjaelp", "First aid"),
    ]
    course_topics = apps.get_model("courses", "Course").topics.through.objects.filter(
        course_id=ids["course"]
    )
    assert sorted(course_topics.values_list("topic__slug", flat=True)) == [
        "bestyrelsesarbejde",
        "foerstehjaelp",
    ]
    wish = apps.get_model("courses", "CourseWish").objects.get()
    assert wish.topic.slug == "foerstehjaelp"
    network = apps.get_model("networks", "Network").objects.get(pk=ids["network"])
    assert list(network.topics.values_list("slug", flat=True)) == ["bestyrelsesarbejde"]
    assert apps.get_model("networks", "SparringRequest").objects.get().topic_id == ids["board"]
    need = apps.get_model("associations", "BoardCompetenceNeed").objects.get()
    assert (need.association_id, need.topic.slug) == (ids["association"], "foerstehjaelp")
    # The same content type row, relabelled: the roles' permissions and the history follow it.
    topic_type = apps.get_model("contenttypes", "ContentType").objects.get(model="topic")
    assert (topic_type.pk, topic_type.app_label) == (ids["content_type"], "taxonomy")
    assert _role_topic_permissions(apps) == {
        "taxonomy.add_topic",
        "taxonomy.change_topic",
        "taxonomy.delete_topic",
        "taxonomy.view_topic",
    }
    entry = apps.get_model("wagtailcore", "ModelLogEntry").objects.get()
    assert (entry.content_type_id, entry.object_id) == (topic_type.pk, str(ids["board"]))

    apps = _migrate(BEFORE_THE_MOVE)

    topic_type = apps.get_model("contenttypes", "ContentType").objects.get(model="topic")
    assert (topic_type.pk, topic_type.app_label) == (ids["content_type"], "courses")
    assert "courses.change_topic" in _role_topic_permissions(apps)
    course_topics = apps.get_model("courses", "Course").topics.through.objects
    assert course_topics.filter(course_id=ids["course"], topic__slug="foerstehjaelp").exists()


def test_a_content_type_made_for_taxonomy_meanwhile_is_merged(before_the_move):
    """`migrate taxonomy 0001` stopped before courses/0014 would still run post_migrate,
    which makes a ('taxonomy', 'topic') row; the move keeps the old row and its grants."""
    ids = _fill(before_the_move)
    ContentTypeThen = before_the_move.get_model("contenttypes", "ContentType")
    Permission = before_the_move.get_model("auth", "Permission")
    Group = before_the_move.get_model("auth", "Group")
    made = ContentTypeThen.objects.create(app_label="taxonomy", model="topic")
    extra = Permission.objects.create(content_type=made, codename="view_topic", name="Can view")
    Group.objects.get(name="Frivilligkonsulent").permissions.add(extra)

    apps = _migrate(_latest())

    ContentTypeNow = apps.get_model("contenttypes", "ContentType")
    assert list(ContentTypeNow.objects.filter(model="topic").values_list("pk", "app_label")) == [
        (ids["content_type"], "taxonomy")
    ]
    consultant = apps.get_model("auth", "Group").objects.get(name="Frivilligkonsulent")
    assert list(
        consultant.permissions.filter(codename="view_topic").values_list(
            "content_type_id", flat=True
        )
    ) == [ids["content_type"]]
