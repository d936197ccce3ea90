"""The CMS demo content as data: YAML in cms/demo_data/ and the documents next to it.

A page body in the YAML is a list of StreamField blocks, each written `type: value`;
`page_content` turns them into Wagtail's raw StreamField data. Short forms:
- heading: a string is an h2; a mapping gives `text` and `level`.
- paragraph: a list of HTML pieces (a paragraph or list item a line) is joined into one.
- call_to_action: `link_text` and `url` become the block's link.
- checklist, faq, quote, related_courses: fields left out are empty.
- template: `document` names a document in guidance.yaml; the seeder puts in its id.
"""

import copy
from functools import partial

from core.demo_support import load_demo_data

_FIELDS = {
    "checklist": {"title": "", "intro": "", "items": []},
    "faq": {"title": "", "questions": []},
    "quote": {"quote": "", "attribution": ""},
    "related_courses": {"title": "", "courses": [], "limit": 3},
}
# In the order the guide pages are created.
GUIDE_SLUGS = ("bestyrelsesarbejde", "konflikthaandtering", "fondsansoegning")


def load(name: str):
    return load_demo_data("cms", name)


def block(entry: dict) -> dict:
    ((kind, value),) = entry.items()
    if kind == "heading" and isinstance(value, str):
        value = {"text": value, "level": "h2"}
    elif kind == "paragraph" and isinstance(value, list):
        value = "".join(value)
    elif kind == "call_to_action":
        link = {"text": value["link_text"], "page": None, "url": value["url"]}
        value = {"heading": value["heading"], "text": value["text"], "link": link}
    elif kind in _FIELDS:
        value = {key: value.get(key, copy.copy(empty)) for key, empty in _FIELDS[kind].items()}
    return {"type": kind, "value": value}


def page_content(content: dict) -> dict:
    """A copy of a page's fields from the YAML, its body as StreamField data."""
    content = dict(content)
    if "body" in content:
        content["body"] = [block(entry) for entry in content["body"]]
    return content


def guide(slug: str, language: str = "da") -> dict | None:
    """The fields of the demo guide `slug` in `language`; None if it has no such version."""
    content = load(f"guides/{slug}").get(language)
    return None if content is None else page_content(content)


# Builders of the Danish guides, a fresh dict each call (cms.bench uses them too).
GUIDES = [partial(guide, slug) for slug in GUIDE_SLUGS]
