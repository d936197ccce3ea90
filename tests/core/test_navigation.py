from core import navigation


def test_header_navigation_in_the_agreed_order():
    # Kurser · Vejledninger · Netværk · Skoler · Foreninger (issue #2). Guides only show once
    # their index page exists, so the registry is checked rather than a rendered header.
    items = sorted(navigation._main_nav.values(), key=lambda item: item.order)

    assert [item.key for item in items] == [
        "courses",
        "guides",
        "networks",
        "schools",
        "associations",
    ]
