"""The embeddable course list inside another site's iframe at 320 px, and the API's
documentation page, in Chromium with axe-core: zero WCAG 2.1 A/AA violations."""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.courses.factories import CourseFactory, TopicFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def host_page(src: str) -> str:
    """A municipal page that embeds the list as docs/api.md tells editors to."""
    return (
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Kalundborg Kommune – frivillighed</title></head><body><main>"
        "<h1>Frivillighed</h1>"
        f'<iframe src="{src}" title="Kurser for frivillige fra Frivilligløft" '
        'style="width: 100%; height: 32rem; border: 0;"></iframe>'
        "</main></body></html>"
    )


@pytest.fixture
def host():
    """Another site (another origin: its own port on localhost) that serves `host.html`."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = server.html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("localhost", 0), Handler)
    server.html = ""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def courses(live_server):
    topic = TopicFactory(name="Bestyrelsesarbejde", name_en="Board work", slug="bestyrelse")
    for n in range(3):
        CourseFactory(
            title=f"Et langt kursusnavn om bestyrelsens økonomi og regnskab, del {n + 1}",
            topics=[topic],
            capacity=[1, 10, None][n],
        )
    return live_server


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["da", "en"])
def test_embedded_course_list_in_a_320px_iframe_is_accessible(
    page, courses, host, assert_accessible, prefix, settings
):
    settings.SITE_URL = courses.url  # the list links to the site's pages by their full address
    host.html = host_page(f"{courses.url}{prefix}/indlejring/kurser/?topic=bestyrelse&limit=3")
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto(f"http://localhost:{host.server_address[1]}/")
    embedded = page.frame_locator("iframe")
    expect(embedded.get_by_role("heading", level=1)).to_contain_text(
        "Board work" if prefix else "Bestyrelsesarbejde"
    )
    frame = page.frame(url=re.compile("/indlejring/kurser/"))

    assert_accessible(frame)
    assert frame.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.context.cookies() == []
    # A course link opens the course page in the whole window, not inside the frame.
    embedded.get_by_role("link", name=re.compile("del 1")).first.click()
    page.wait_for_url(re.compile(r"/kurser/.+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("del 1")


@pytest.mark.parametrize("path", ["/api/v1/docs/", "/en/api/v1/docs/"], ids=["da", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_api_documentation_page_is_accessible(page, live_server, assert_accessible, path, width):
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(live_server.url + path)

    expect(page.get_by_role("heading", level=1)).to_contain_text("API")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
