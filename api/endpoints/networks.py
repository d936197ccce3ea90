"""Leader networks (/netvaerk/): the listed networks and their coming meetings, without place."""

from django.urls import reverse
from django.utils.translation import gettext_noop
from ninja import Router

from api.operations import choice, documented, first_or_404, local, responses, site_url, topic_ref
from api.params import filtered, paginate
from api.schemas import NetworkOut, NetworkPage
from courses.templatetags.course_tags import local_datetime
from networks import queries as network_queries
from networks.filters import NetworkFilter
from networks.models import MeetingStatus

router = Router(tags=[gettext_noop("Networks")])


def _meeting_out(network, meeting) -> dict:
    # Place and online link are for members only (as on the network's page): never here.
    path = reverse("networks:meeting", kwargs={"slug": network.slug, "meeting_id": meeting.pk})
    return {
        "id": meeting.pk,
        "title": meeting.title,
        "starts_at": local(meeting.starts_at),
        "ends_at": local(meeting.ends_at),
        "when": local_datetime(meeting.starts_at),
        "agenda": meeting.agenda,
        "cancelled": meeting.status == MeetingStatus.CANCELLED,
        "url": site_url(path),
    }


def _network_out(network, meetings) -> dict:
    return {
        "id": network.pk,
        "slug": network.slug,
        "name": network.name,
        "summary": network.summary,
        "description": network.description,
        "url": site_url(network.get_absolute_url()),
        "audience": choice(network.audience, network.get_audience_display()),
        "join_policy": choice(network.join_policy, network.get_join_policy_display()),
        "topics": [
            topic_ref(topic) for topic in sorted(network.topics.all(), key=lambda t: t.name)
        ],
        "member_count": network.member_count,
        "upcoming_meetings": [_meeting_out(network, meeting) for meeting in meetings],
    }


@router.get(
    "/networks/",
    response=responses(NetworkPage),
    url_name="networks",
    **documented(
        summary=gettext_noop("Networks"),
        description=gettext_noop(
            "The listed leader networks (/netvaerk/) by name, with their planned meetings "
            "still to come. Unlisted networks are not part of the API."
        ),
        filterset=NetworkFilter,
        filter_descriptions={"topic": gettext_noop("A topic's slug (see /api/v1/topics/).")},
    ),
)
def list_networks(request):
    page = paginate(request, filtered(NetworkFilter, request, network_queries.listed_networks()))
    return {
        **page.envelope,
        "results": [_network_out(network, network.upcoming) for network in page.objects],
    }


@router.get(
    "/networks/{slug}/",
    response=responses(NetworkOut),
    url_name="network",
    **documented(
        summary=gettext_noop("A network"),
        description=gettext_noop(
            "One listed network by its slug, with every meeting that has not ended, "
            "cancelled ones included (as its page shows them to visitors)."
        ),
        paged=False,
    ),
)
def network_detail(request, slug: str):
    network = first_or_404(network_queries.listed_networks().filter(slug=slug))
    return _network_out(network, network_queries.upcoming_meetings(network))
