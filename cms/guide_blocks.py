"""The blocks of a guide (vejledning): what volunteers read, print, tick off and download.

Templates live in templates/blocks/. Blocks that show a title render it as a heading one level
below the guide's last heading (see cms.toc.prepare_body), so heading levels stay in order
wherever an editor puts the block.
"""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.blocks import RICH_TEXT_FEATURES, HeadingBlock, QuoteBlock
from cms.choosers import course_chooser_viewset

# Guides keep rich text even simpler than other pages: no document links inside running text,
# because downloads belong in a template block that shows their type and size.
GUIDE_RICH_TEXT_FEATURES = [f for f in RICH_TEXT_FEATURES if f != "document-link"]

# Templates volunteers download and fill in.
TEMPLATE_EXTENSIONS = ("docx", "xlsx", "pdf", "odt", "ods")

# The one image size guides show; GuideImageChooserBlock prefetches it.
GUIDE_IMAGE_SPEC = "width-960"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=500)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300), min_num=1, label=_("Items")
    )

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "blocks/checklist.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=GUIDE_RICH_TEXT_FEATURES)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    steps = blocks.ListBlock(StepBlock(), min_num=2, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Step by step")
        template = "blocks/steps.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("warning", _("Warning"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=GUIDE_RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Tip or warning")
        template = "blocks/callout.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=GUIDE_RICH_TEXT_FEATURES)


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "blocks/faq.html"


def validate_template_document(document):
    extension = (document.file_extension or "").lower() if document else ""
    if document and extension not in TEMPLATE_EXTENSIONS:
        raise ValidationError(
            _("A template must be one of these file types: %(types)s.")
            % {"types": ", ".join(e.upper() for e in TEMPLATE_EXTENSIONS)}
        )


class TemplateDownloadBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    document = DocumentChooserBlock(label=_("File"))
    description = blocks.TextBlock(label=_("What it is for"), required=False, max_length=400)

    class Meta:
        icon = "download"
        label = _("Downloadable template")
        template = "blocks/template_download.html"

    def clean(self, value):
        value = super().clean(value)
        validate_template_document(value.get("document"))
        return value


class GuideImageChooserBlock(ImageChooserBlock):
    """Fetches all images of a guide and their renditions in two queries, however many."""

    def bulk_to_python(self, values):
        images = self.model_class.objects.prefetch_renditions(GUIDE_IMAGE_SPEC).in_bulk(values)
        return [images.get(pk) for pk in values]


class GuideImageBlock(blocks.StructBlock):
    image = GuideImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/guide_image.html"


_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^\d{3,12}$")


def video_embed_url(url: str) -> str | None:
    """The privacy-friendly player address for a YouTube or Vimeo link, or None.

    YouTube plays from youtube-nocookie.com and Vimeo with do-not-track: the two origins the
    site's Content-Security-Policy allows in frames.
    """
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    parts = [p for p in parsed.path.split("/") if p]
    video_id = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parts[:1] == ["watch"]:
            video_id = parse_qs(parsed.query).get("v", [None])[0]
        elif len(parts) >= 2 and parts[0] in ("embed", "shorts", "live"):
            video_id = parts[1]
        if video_id and _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host == "youtu.be":
        video_id = parts[0] if parts else None
        if video_id and _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host in ("vimeo.com", "player.vimeo.com"):
        numeric = [p for p in parts if _VIMEO_ID.match(p)]
        if numeric:
            return f"https://player.vimeo.com/video/{numeric[0]}?dnt=1"
    return None


def validate_video_url(value):
    if value and video_embed_url(value) is None:
        raise ValidationError(_("Enter a link to a video on YouTube or Vimeo."))


class VideoValue(blocks.StructValue):
    @cached_property
    def embed_url(self) -> str | None:
        return video_embed_url(self.get("url"))


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("Video address"),
        validators=[validate_video_url],
        help_text=_("A link to the video on YouTube or Vimeo."),
    )
    title = blocks.CharBlock(
        label=_("Title"), max_length=150, help_text=_("Names the video for screen readers.")
    )
    text_alternative = blocks.RichTextBlock(
        label=_("Text version"),
        features=GUIDE_RICH_TEXT_FEATURES,
        help_text=_("A transcript or a full summary, for people who cannot watch the video."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        value_class = VideoValue


class CourseChooserBlock(
    course_chooser_viewset.get_block_class(name="BaseCourseChooserBlock", module_path=__name__)
):
    """Fetches all chosen courses of a guide with their topics in two queries, however many."""

    def bulk_to_python(self, values):
        courses = self.model_class.objects.prefetch_related("topics").in_bulk(values)
        return [courses.get(pk) for pk in values]


class RelatedCoursesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    courses = blocks.ListBlock(
        CourseChooserBlock(label=_("Course")),
        label=_("Chosen courses"),
        required=False,
        max_num=6,
        help_text=_(
            "Leave empty to show the next upcoming courses that share a topic with the guide."
        ),
    )
    limit = blocks.IntegerBlock(
        label=_("How many upcoming courses"), min_value=1, max_value=6, default=3
    )

    class Meta:
        icon = "calendar"
        label = _("Related courses")
        template = "blocks/related_courses.html"


class GuideBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=GUIDE_RICH_TEXT_FEATURES, label=_("Text"), template="blocks/paragraph.html"
    )
    checklist = ChecklistBlock()
    steps = StepsBlock()
    callout = CalloutBlock()
    faq = FaqBlock()
    template = TemplateDownloadBlock()
    image = GuideImageBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    related_courses = RelatedCoursesBlock()

    def clean(self, value):
        value = super().clean(value)
        # A level-3 heading needs a level-2 heading above it: the table of contents and
        # screen readers rely on the outline.
        errors = {}
        seen_h2 = False
        for index, child in enumerate(value):
            if child.block_type != "heading":
                continue
            if child.value.get("level") == "h2":
                seen_h2 = True
            elif not seen_h2:
                errors[index] = ValidationError(
                    _("Start with a level-2 heading before using level 3.")
                )
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value
