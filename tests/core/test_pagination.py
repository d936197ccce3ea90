from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory

TEMPLATE = Template(
    '{% load site_tags %}{% pagination page param=param anchor=anchor label="Sider" %}'
)


def render(query: str, number: int, *, param="side", anchor="", items=45):
    request = RequestFactory().get(f"/liste/?{query}")
    page = Paginator(range(items), 20).get_page(number)
    context = {"request": request, "page": page, "param": param, "anchor": anchor}
    return TEMPLATE.render(Context(context))


def test_links_keep_the_filters_and_replace_only_the_page():
    html = render("emne=ledelse&side=2&format=online", 2)

    assert 'href="?emne=ledelse&amp;side=1&amp;format=online" rel="prev"' in html
    assert 'href="?emne=ledelse&amp;side=3&amp;format=online" rel="next"' in html
    assert 'aria-label="Sider"' in html


def test_first_and_last_page_have_one_link_each():
    first, last = render("", 1), render("side=3", 3)

    assert 'rel="prev"' not in first
    assert 'href="?side=2" rel="next"' in first
    assert 'href="?side=2" rel="prev"' in last
    assert 'rel="next"' not in last


def test_two_lists_page_on_their_own_and_come_back_to_the_list():
    html = render("foreningsside=2", 1, param="skoleside", anchor="elever")

    assert 'href="?foreningsside=2&amp;skoleside=2#elever"' in html


def test_a_single_page_has_no_navigation():
    assert "<nav" not in render("", 1, items=5)


def test_query_values_are_escaped():
    html = render("q=%22%3E%3Cscript%3E", 1)

    assert "<script>" not in html
    assert "q=%22%3E%3Cscript%3E&amp;side=2" in html
