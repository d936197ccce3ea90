"""Small builders for the raw StreamField data of the demo guides."""


def h(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def p(*paragraphs: str) -> dict:
    return {"type": "paragraph", "value": "".join(paragraphs)}


def checklist(title: str, items: list[str], intro: str = "") -> dict:
    return {"type": "checklist", "value": {"title": title, "intro": intro, "items": items}}


def steps(title: str, items: list[tuple[str, str]]) -> dict:
    return {
        "type": "steps",
        "value": {"title": title, "steps": [{"title": t, "text": text} for t, text in items]},
    }


def callout(kind: str, title: str, text: str) -> dict:
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": text}}


def faq(items: list[tuple[str, str]], title: str = "") -> dict:
    return {
        "type": "faq",
        "value": {"title": title, "questions": [{"question": q, "answer": a} for q, a in items]},
    }


def template(title: str, document_key: str, description: str) -> dict:
    return {
        "type": "template",
        "value": {"title": title, "document": document_key, "description": description},
    }


def quote(text: str, attribution: str) -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def related(title: str = "", limit: int = 3) -> dict:
    return {"type": "related_courses", "value": {"title": title, "courses": [], "limit": limit}}
