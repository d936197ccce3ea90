"""Bar charts as SVG, drawn on the server: they work without JavaScript, print, and go into
the PDF as they are. Every chart is an image with a title and a description
(`role="img"`, `aria-labelledby`); the numbers themselves are in the table the template puts
beside each chart. A suppressed figure ("< 3") gets no bar, only its label.

Colours and text sizes are fixed attributes, not styles, so the charts look the same in the
admin, in print and in WeasyPrint, and need no inline CSS.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from insights.figures import Figure

BAR_COLOUR = "#1d5f8a"  # 7.2:1 against white: also readable as text colour
TEXT_COLOUR = "#1b1b1b"
GRID_COLOUR = "#c9d3db"
FONT = "DejaVu Sans, Arial, sans-serif"


@dataclass(frozen=True)
class Bar:
    label: str
    figure: Figure


def _scale_max(bars: list[Bar]) -> float:
    values = [bar.figure.shown_value or 0 for bar in bars]
    return max(values, default=0) or 1


def _open_svg(chart_id: str, title: str, description: str, width: int, height: int):
    return format_html(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'width="{w}" height="{h}" role="img" aria-labelledby="{id}-title {id}-desc" '
        'font-family="{font}" font-size="13" fill="{text}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>',
        w=width,
        h=height,
        id=chart_id,
        font=FONT,
        text=TEXT_COLOUR,
        title=title,
        desc=description,
    )


def horizontal_bars(
    chart_id: str, title: str, description: str, bars: list[Bar], *, width: int = 640
) -> SafeString:
    """One bar per row (topics, areas), longest value = full width."""
    label_width, value_width, row_height, top = 260, 64, 26, 8
    plot = width - label_width - value_width
    height = top * 2 + row_height * max(len(bars), 1)
    biggest = _scale_max(bars)
    rows = []
    for index, bar in enumerate(bars):
        y = top + index * row_height
        value = bar.figure.shown_value
        length = 0 if not value else max(round(plot * value / biggest), 2)
        rows.append(
            (
                label_width - 8,  # the label, right-aligned before the axis
                y + 17,
                Truncator(bar.label).chars(32),
                label_width,  # the bar
                y + 5,
                length,
                label_width + length + 6,  # the value after the bar
                y + 17,
                str(bar.figure),
            )
        )
    body = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="16" fill="' + BAR_COLOUR + '"/>'
        '<text x="{}" y="{}" font-weight="bold">{}</text>',
        rows,
    )
    axis = format_html(
        '<line x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" stroke="{grid}"/>',
        x=label_width,
        top=top,
        bottom=height - top,
        grid=GRID_COLOUR,
    )
    return (
        _open_svg(chart_id, title, description, width, height) + axis + body + SafeString("</svg>")
    )


def columns(
    chart_id: str, title: str, description: str, bars: list[Bar], *, width: int = 640
) -> SafeString:
    """One column per period (quarters), left to right, the value above each column."""
    height, top, bottom, side = 240, 24, 32, 12
    plot_height = height - top - bottom
    slot = (width - 2 * side) / max(len(bars), 1)
    column = min(slot * 0.6, 72)
    biggest = _scale_max(bars)
    items = []
    for index, bar in enumerate(bars):
        value = bar.figure.shown_value
        length = 0 if not value else max(round(plot_height * value / biggest), 2)
        centre = side + slot * index + slot / 2
        items.append(
            (
                round(centre - column / 2, 1),
                top + plot_height - length,
                round(column, 1),
                length,
                round(centre, 1),
                top + plot_height - length - 6,
                str(bar.figure),
                round(centre, 1),
                height - bottom + 18,
                bar.label,
            )
        )
    body = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="' + BAR_COLOUR + '"/>'
        '<text x="{}" y="{}" text-anchor="middle" font-weight="bold">{}</text>'
        '<text x="{}" y="{}" text-anchor="middle">{}</text>',
        items,
    )
    axis = format_html(
        '<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="{grid}"/>',
        left=side,
        right=width - side,
        y=top + plot_height,
        grid=GRID_COLOUR,
    )
    return (
        _open_svg(chart_id, title, description, width, height) + axis + body + SafeString("</svg>")
    )
