"""What calendars stores about a person: when their private calendar link was made."""

from calendars.models import FeedToken
from calendars.services import delete_feed_token


def export_data(user) -> dict:
    token = FeedToken.objects.filter(user=user).first()
    if token is None:
        return {"calendar_link": None}
    # The token itself is not stored (only its hash), so it cannot be exported either.
    return {"calendar_link": {"created_at": token.created_at.isoformat()}}


def erase_data(user) -> None:
    delete_feed_token(user)
