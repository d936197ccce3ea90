"""seed_bench's guide pages (cms/bench.py)."""

from io import StringIO

from django.core.management import call_command

from cms.models import GuidePage
from courses.models import Course


def test_seed_bench_adds_published_guides_with_topics_under_the_guide_index(guide_index, topic):
    output = StringIO()
    call_command(
        "seed_bench", courses=3, users=10, signups=20, guides=4, no_index=True, stdout=output
    )

    guides = GuidePage.objects.filter(slug__startswith="bench-")
    assert guides.count() == 4
    for guide in guides:
        assert guide.live
        assert guide.get_parent().pk == guide_index.pk
        assert guide.topics.exists()
        assert any(block.block_type == "heading" for block in guide.body)
    assert "cms: 4 guides" in output.getvalue()
    assert Course.objects.filter(slug__startswith="bench-").count() == 3


def test_seed_bench_skips_guides_without_a_guide_index(db):
    output = StringIO()
    call_command("seed_bench", courses=1, users=2, signups=1, no_index=True, stdout=output)

    assert not GuidePage.objects.exists()
    assert "run seed_demo first" in output.getvalue()
