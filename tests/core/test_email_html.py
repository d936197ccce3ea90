"""The HTML part of an email is its text part in the common layout (core.email_html)."""

from core.email_html import text_to_html


def test_paragraphs_lines_and_links():
    html = text_to_html("Dear Anne,\n\nThe course page: https://example.dk/kurser/a/\nSee you")

    assert html == (
        '<p style="margin:0 0 16px">Dear Anne,</p>\n'
        '<p style="margin:0 0 16px">The course page: '
        '<a style="color:#0d5c63" href="https://example.dk/kurser/a/">https://example.dk/kurser/a/</a>'
        "<br>\nSee you</p>"
    )


def test_lines_starting_with_a_dash_are_a_list_and_indented_lines_continue_an_item():
    html = text_to_html("Basics\n- Monday 18:00\n  The town hall\n- Tuesday 18:00\nPrice: free")

    assert html == (
        '<p style="margin:0 0 16px">Basics</p>\n'
        '<ul style="margin:0 0 16px;padding-left:24px">'
        '<li style="margin:0 0 6px">Monday 18:00<br>\nThe town hall</li>'
        '<li style="margin:0 0 6px">Tuesday 18:00</li></ul>\n'
        '<p style="margin:0 0 16px">Price: free</p>'
    )


def test_the_signature_separator_is_a_rule():
    html = text_to_html("Best regards\n--\nYou are a member")

    assert "<hr" in html
    assert html.index("Best regards") < html.index("<hr") < html.index("You are a member")


def test_what_people_typed_is_escaped():
    # A coordinator's message, a course title: text, never markup.
    html = text_to_html('<script>alert(1)</script> & "quotes" <b>bold</b>')

    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_a_link_with_markup_after_it_stays_escaped():
    html = text_to_html('https://example.dk/"><img src=x onerror=alert(1)>')

    assert "<img" not in html
