"""Benchmark data for the CMS: `manage.py seed_bench` calls `seed()`.

Guide pages under the demo guide index (run seed_demo first), with the full body of the demo
guides and one to three topics each, so a guide page in the benchmark renders every block type
the real guides use. Pages are published through Wagtail like an editor would.
"""

import random

from django.utils import timezone

from cms.demo.content import GUIDES
from cms.demo.pages import publish_page
from cms.models import GuideIndexPage, GuidePage
from taxonomy.models import Topic


def seed(command, scale, rng: random.Random) -> str:
    index = GuideIndexPage.objects.filter(locale__language_code="da").first()
    if index is None or scale.guides == 0:
        return "no guides (run seed_demo first for the guide index)"
    topics = list(Topic.objects.all())
    batch = GuidePage.objects.filter(slug__startswith="bench-").count()
    today = timezone.localdate()
    # The demo guides without their downloadable templates (documents are not seeded here).
    bodies = []
    for build in GUIDES:
        data = build()
        data["body"] = [block for block in data["body"] if block["type"] != "template"]
        bodies.append(data)
    for number in range(batch, batch + scale.guides):
        data = dict(rng.choice(bodies))
        data.pop("topics")
        data["title"] = f"{data['title']} ({number + 1})"
        data["slug"] = f"bench-{number}-{data['slug']}"
        data["last_reviewed"] = today
        guide = GuidePage(**data)
        index.add_child(instance=guide)
        guide.topics.set(rng.sample(topics, min(len(topics), rng.choice((1, 2, 3)))))
        publish_page(guide)
    return f"{scale.guides} guides"
