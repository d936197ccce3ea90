import re

import pytest
from playwright.sync_api import expect

from networks.models import Membership, MembershipStatus, Rsvp
from tests.browser.helpers import log_in_to_demo, log_out

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VOLUNTEER = "frivillig@frivilligloeft.test"
CONSULTANT = "konsulent@frivilligloeft.test"


def test_request_approve_and_answer_a_meeting(page, demo, assert_accessible):
    # The volunteer finds the treasurers' network and asks to join.
    log_in_to_demo(page, demo.url, VOLUNTEER)
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Netværk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Netværk for frivilligledere")
    assert_accessible(page)
    page.get_by_role("link", name="Kasserernetværket").click()
    expect(
        page.get_by_text("Vises for medlemmer").or_(page.get_by_text("Medlemmer kan se"))
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Anmod om at blive medlem").click()
    assert_accessible(page)
    # The demo volunteer holds roles in two associations: those are offered, or another by name.
    page.get_by_role("radio", name="En anden forening").check()
    page.get_by_label("Navn på den anden forening").fill("Kalundborg Roklub")
    page.get_by_label("Vis mit navn for de andre medlemmer").check()
    page.get_by_label("Besked til koordinatorerne").fill("Jeg er ny kasserer i roklubben.")
    page.get_by_role("button", name="Send anmodning").click()
    expect(page.get_by_role("status").first).to_contain_text("Din anmodning er sendt")
    expect(page.get_by_text("Anmodning sendt").first).to_be_visible()
    assert_accessible(page)
    log_out(page)

    # The consultant, coordinator of the network, approves the request.
    log_in_to_demo(page, demo.url, CONSULTANT)
    page.goto(demo.url + "/netvaerk/kasserernetvaerket/")
    page.get_by_role("link", name="Koordinatorværktøjer").click()
    expect(page.get_by_role("heading", name="Mette Sørensen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Godkend Mette Sørensen").click()
    expect(page.get_by_role("status").first).to_contain_text("Mette Sørensen er nu medlem")
    assert_accessible(page)
    for name in ["Medlemmer", "Invitér", "Planlæg et møde", "Skriv til medlemmerne"]:
        page.get_by_role("navigation", name="Koordinatorværktøjer").get_by_role(
            "link", name=name, exact=True
        ).click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    log_out(page)

    # The new member says she is coming to the next meeting.
    log_in_to_demo(page, demo.url, VOLUNTEER)
    page.goto(demo.url + "/netvaerk/kasserernetvaerket/")
    expect(page.get_by_text("Kalundborg Bibliotek, mødelokalet").first).to_be_visible()
    page.get_by_role("group", name=re.compile("Budget og regnskab")).get_by_role(
        "button", name="Kommer", exact=True
    ).click()
    expect(page.get_by_role("status").first).to_contain_text("Dit svar er gemt: Kommer")
    expect(
        page.get_by_role("group", name=re.compile("Budget og regnskab")).get_by_role(
            "button", name="Kommer", exact=True
        )
    ).to_have_attribute("aria-pressed", "true")
    assert_accessible(page)

    membership = Membership.objects.get(user__email=VOLUNTEER, network__slug="kasserernetvaerket")
    assert membership.status == MembershipStatus.ACTIVE
    assert (
        Rsvp.objects.filter(user=membership.user, meeting__title__startswith="Budget").get().answer
        == "yes"
    )

    page.goto(demo.url + "/mine-sider/netvaerk/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine netværk")
    assert_accessible(page)


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["danish", "english"])
@pytest.mark.parametrize("width", [1280, 320], ids=["desktop", "phone"])
def test_network_pages_are_accessible(page, demo, assert_accessible, prefix, width):
    page.set_viewport_size({"width": width, "height": 800})
    log_in_to_demo(page, demo.url, VOLUNTEER, prefix)
    for path in [
        "/netvaerk/",
        "/netvaerk/?audience=board",
        "/netvaerk/netvaerk-for-formaend/",
        "/netvaerk/frivilligkoordinatorer-paa-plejecentre/",
        "/netvaerk/sparring/",
        "/mine-sider/netvaerk/",
        "/mine-sider/netvaerk/sparring/",
        "/mine-sider/",
    ]:
        page.goto(demo.url + prefix + path)
        expect(page.locator("html")).to_have_attribute("lang", "da" if not prefix else "en")
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    page.goto(demo.url + prefix + "/mine-sider/netvaerk/sparring/")
    page.locator("table a").first.click()
    assert_accessible(page)
    page.goto(demo.url + prefix + "/netvaerk/netvaerk-for-formaend/")
    page.locator(".meeting-item__title a").first.click()
    assert_accessible(page)


def test_filter_by_topic_without_javascript_reload(page, demo, assert_accessible):
    page.goto(demo.url + "/netvaerk/")
    page.get_by_label("Emne").select_option(label="Økonomi og regnskab")
    expect(page.locator(".network-card")).to_have_count(1)
    expect(page.locator(".network-card")).to_contain_text("Kasserernetværket")
    expect(page).to_have_url(re.compile(r"topic=oekonomi"))
    assert_accessible(page)


def test_coordinator_plans_a_meeting(page, demo, assert_accessible):
    log_in_to_demo(page, demo.url, CONSULTANT)
    page.goto(demo.url + "/netvaerk/netvaerk-for-formaend/koordinator/moeder/nyt/")
    page.get_by_label("Titel").fill("Sommermøde")
    page.get_by_label("Starter").fill("2031-06-01T17:00")
    page.get_by_label("Slutter").fill("2031-06-01T16:00")
    page.locator("#id_place_name").fill("Havnen")
    page.get_by_role("button", name="Planlæg mødet").click()
    expect(page.get_by_text("Mødet skal slutte, efter det begynder.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Slutter").fill("2031-06-01T19:00")
    page.get_by_role("button", name="Planlæg mødet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sommermøde")
    assert_accessible(page)


def test_invite_by_email_and_accept(page, demo, assert_accessible):
    from django.core import mail

    log_in_to_demo(page, demo.url, CONSULTANT)
    page.goto(demo.url + "/netvaerk/frivilligkoordinatorer-paa-plejecentre/koordinator/inviter/")
    page.get_by_label("E-mailadresser").fill(VOLUNTEER)
    page.get_by_role("button", name="Send invitationer").click()
    expect(page.get_by_role("status").first).to_contain_text("1 invitation er sendt")
    assert_accessible(page)
    log_out(page)
    link = re.search(r"https?://\S+/netvaerk/invitation/\S+/", mail.outbox[-1].body).group(0)
    path = "/netvaerk/invitation/" + link.split("/netvaerk/invitation/")[1]

    page.goto(demo.url + path)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Du er inviteret")
    assert_accessible(page)
    log_in_to_demo(page, demo.url, VOLUNTEER)
    page.goto(demo.url + path)
    page.get_by_label("Vis mit navn for de andre medlemmer").check()
    page.get_by_role("button", name="Tag imod invitationen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Velkommen i Frivilligkoordinatorer på plejecentre"
    )
    assert_accessible(page)

    page.goto(demo.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Invitationen kan ikke længere bruges"
    )
    assert_accessible(page)
