"""The session's database snapshot (tests/demo_snapshot.py) puts back exactly what it took:
rows changed, added and deleted since, the search index SQLite's triggers keep, the id
sequences and the files."""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page

from accounts.models import User
from cms.models import StandardPage
from tests import demo_snapshot as snapshots
from tests.factories import UserFactory


def _state():
    return (
        list(User.objects.order_by("pk").values()),
        sorted(Page.objects.values_list("pk", "title", "path", "live")),
    )


def _search(words):
    return sorted(page.title for page in Page.objects.live().search(words))


@pytest.mark.indexes
@pytest.mark.django_db
def test_restore_undoes_changes_additions_and_deletions(standard_page):
    kept = UserFactory(full_name="Karen")
    gone = UserFactory(full_name="Gunnar")
    before = _state()
    found_before = _search("Hvem vi er")
    snapshot = snapshots.take()
    try:
        User.objects.filter(pk=kept.pk).update(full_name="Ændret")
        gone_pk = gone.pk
        gone.delete()
        added = UserFactory()
        standard_page.title = "Omdøbt side"
        standard_page.save_revision().publish()
        standard_page.get_parent().add_child(
            instance=StandardPage(title="Ny side om kasserer", slug="ny", intro="Kassereren.")
        )
        assert _state() != before

        snapshots.restore(snapshot)

        assert _state() == before
        assert _search("Hvem vi er") == found_before
        assert _search("kasserer") == []
        # The sequence goes on from the snapshot: a new row never reuses a kept row's id.
        assert UserFactory().pk > gone_pk
        assert not User.objects.filter(pk=added.pk, email=added.email).exists()
    finally:
        snapshot.drop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_brings_back_deleted_files_and_works_outside_a_transaction():
    root = Path(settings.MEDIA_ROOT)
    demo_file = root / "snapshot-test" / "skabelon.txt"
    demo_file.parent.mkdir(parents=True, exist_ok=True)
    demo_file.write_text("Årshjul", encoding="utf-8")
    user = UserFactory()
    snapshot = snapshots.take(with_files=True)
    try:
        demo_file.unlink()
        user_pk = user.pk
        user.delete()

        snapshots.restore(snapshot)

        assert demo_file.read_text(encoding="utf-8") == "Årshjul"
        assert User.objects.filter(pk=user_pk, email=user.email).exists()
    finally:
        snapshot.drop()
        demo_file.unlink()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_site_is_the_seeded_site_in_a_transactional_test(demo_site, client):
    """What browser tests get: the demo's rows committed, its logins and files in place."""
    assert "frivillig@frivilligloeft.test" in demo_site.output
    volunteer = User.objects.get(email="frivillig@frivilligloeft.test")
    assert volunteer.check_password("frivillig-demo-2026")
    assert client.get("/").status_code == 200
    assert any(next(Path(root).rglob("*.pdf"), None) for root in demo_site.files)
