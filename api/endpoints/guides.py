"""Guides (vejledninger): the guide index of the requested language, as data."""

from django.utils.translation import get_language, gettext_noop
from ninja import Router
from wagtail.models import Locale, Page

from api.operations import documented, responses, topic_ref
from api.params import filtered, paginate
from api.schemas import GuidePage
from cms.filters import GuideFilter
from cms.models import GuideIndexPage
from cms.models import GuidePage as GuidePageModel
from taxonomy.models import Topic

router = Router(tags=[gettext_noop("Guides")])


def _guides():
    """The live, public guides of this language's guide index (as /vejledninger/ lists them;
    pages behind a password or login are left out), and that index's topics."""
    index = GuideIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
    if index is None:
        return GuidePageModel.objects.none(), Topic.objects.none()
    guides = index.live_guides().public().order_by("title", "pk")
    return guides, Topic.objects.filter(pk__in=guides.values("topics"))


@router.get(
    "/guides/",
    response=responses(GuidePage),
    url_name="guides",
    **documented(
        summary=gettext_noop("Guides"),
        description=gettext_noop(
            "Guidance for associations (/vejledninger/) in the requested language, by title. "
            "emne is the guide index's own topic filter."
        ),
        filterset=GuideFilter,
        filter_descriptions={"emne": gettext_noop("A topic's slug (see /api/v1/topics/).")},
    ),
)
def list_guides(request):
    guides, topics = _guides()
    page = paginate(request, filtered(GuideFilter, request, guides, topics=topics))
    # An alias shows its original's text: say which language that is (one query for all).
    originals = dict(
        Page.objects.filter(
            pk__in=[guide.alias_of_id for guide in page.objects if guide.alias_of_id]
        ).values_list("pk", "locale__language_code")
    )
    language = get_language()
    return {
        **page.envelope,
        "results": [
            {
                "id": guide.pk,
                "title": guide.title,
                "summary": guide.lead,
                "audience": guide.audience,
                "topics": [topic_ref(topic) for topic in guide.topics.all()],
                "url": guide.get_full_url(request),
                "last_reviewed": guide.last_reviewed,
                "language": originals.get(guide.alias_of_id, language),
            }
            for guide in page.objects
        ],
    }
