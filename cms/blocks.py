"""StreamField blocks shared by the CMS page types. Templates live in templates/blocks/."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

# Rich text stays simple on purpose: headings come from HeadingBlock (so they feed the table of
# contents and keep levels in order), and there is no colour or font choice to misuse.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


def validate_link_address(value):
    """Accept a path on this site (/kurser/) or a full web address."""
    if value and not value.startswith(("/", "https://", "http://", "mailto:")):
        raise ValidationError(_("Enter a path starting with / or a full address."))


class LinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.CharBlock(
        label=_("Or an address"),
        required=False,
        max_length=300,
        validators=[validate_link_address],
        help_text=_("A path on this site, e.g. /kurser/, or a full address."),
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter an address, not both.")),
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)
    link = LinkBlock()


class CardGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    cards = blocks.ListBlock(CardBlock(), min_num=1, max_num=6, label=_("Cards"))

    class Meta:
        icon = "grip"
        label = _("Cards")
        template = "blocks/card_grid.html"


class BodyBlock(blocks.StreamBlock):
    """The blocks every content page offers."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Text"), template="blocks/paragraph.html"
    )
    image = ImageBlock(label=_("Image"), template="blocks/image.html")
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    cards = CardGridBlock()
