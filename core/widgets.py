"""Form widgets shared by the apps' admin screens."""

from wagtail.admin.rich_text import DraftailRichTextArea


class SafeDraftailRichTextArea(DraftailRichTextArea):
    """Wagtail's rich text editor, refusing a POST it cannot parse instead of failing.

    The editor posts its content as Draftail JSON; a value that is not (a broken or hand-made
    request: "1.5" parses as JSON but is no document) made the form raise JSONDecodeError or
    AttributeError — a 500. Such a value now counts as empty, so the form answers with its
    normal validation message.
    """

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, AttributeError, KeyError):
            return None
