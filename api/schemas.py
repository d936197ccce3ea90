"""What the API answers, as pydantic schemas (Django Ninja turns them into the OpenAPI document).

Descriptions are English source strings marked with gettext_noop; api.openapi translates them
when the document is served. No schema has a field for a person: no participant, member,
coordinator, contact person, instructor or pupil appears anywhere in the API.
"""

from datetime import date, datetime

from django.utils.translation import gettext_noop
from ninja import Field, Schema


class ErrorOut(Schema):
    detail: str = Field(description=gettext_noop("What went wrong, in the requested language."))
    errors: dict[str, list[str]] | None = Field(
        None, description=gettext_noop("For invalid parameters: the messages for each parameter.")
    )


class ChoiceOut(Schema):
    value: str = Field(description=gettext_noop("The stable code, e.g. for filtering."))
    label: str = Field(description=gettext_noop("The text the site shows for it."))


class TopicRef(Schema):
    slug: str
    name: str = Field(description=gettext_noop("The name in the requested language."))


class PlaceOut(Schema):
    name: str
    address: str


class PageEnvelope(Schema):
    count: int = Field(description=gettext_noop("How many results there are on all pages."))
    page: int
    page_size: int
    pages: int = Field(description=gettext_noop("How many pages there are."))
    next: str | None = Field(description=gettext_noop("The next page's URL, if any."))
    previous: str | None = Field(description=gettext_noop("The previous page's URL, if any."))


# --- Courses -----------------------------------------------------------------------------------


class ProviderOut(Schema):
    id: int
    name: str
    website: str


class CourseMeetingOut(Schema):
    starts_at: datetime
    ends_at: datetime
    title: str
    when: str = Field(description=gettext_noop("Date and time as the course page shows them."))
    place: PlaceOut | None = Field(
        description=gettext_noop("Where it takes place; none when the course is online.")
    )
    online: bool = Field(description=gettext_noop("True when one can take part online."))
    cancelled: bool


class SignupOut(Schema):
    state: str = Field(
        description=gettext_noop(
            "open, not_open_yet, closed or cancelled: whether the course takes signups now."
        )
    )
    opens_at: datetime | None
    closes_at: datetime | None
    url: str = Field(description=gettext_noop("Where a person signs up: the course page."))


class SeatsOut(Schema):
    capacity: int | None = Field(description=gettext_noop("Seats in all; none when unlimited."))
    left: int | None = Field(description=gettext_noop("Free seats; none when unlimited."))
    waiting_list: int = Field(description=gettext_noop("People on the waiting list."))
    waiting_list_open: bool
    text: str = Field(description=gettext_noop("The seats as the catalogue says them."))


class CourseOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    url: str = Field(description=gettext_noop("The course page, in the requested language."))
    status: ChoiceOut = Field(description=gettext_noop("published or cancelled."))
    cancellation_reason: str
    starts_at: datetime
    ends_at: datetime
    dates: str = Field(description=gettext_noop("The dates as the catalogue shows them."))
    audience: ChoiceOut
    format: ChoiceOut = Field(description=gettext_noop("in_person, online or hybrid."))
    language: ChoiceOut = Field(description=gettext_noop("The language the course is taught in."))
    place: PlaceOut | None = Field(
        description=gettext_noop("The course's venue; none when it is online or not set yet.")
    )
    online: bool = Field(description=gettext_noop("True for online and hybrid courses."))
    topics: list[TopicRef]
    provider: ProviderOut | None
    price: str = Field(description=gettext_noop("In Danish kroner, e.g. 0.00 (free)."))
    price_text: str
    seats: SeatsOut
    signup: SignupOut
    issues_certificate: bool
    meetings: list[CourseMeetingOut]


class CourseDetailOut(CourseOut):
    description_html: str = Field(
        description=gettext_noop("The course's description as HTML, links made absolute.")
    )


class CoursePage(PageEnvelope):
    results: list[CourseOut]


class TopicOut(Schema):
    slug: str
    name: str = Field(description=gettext_noop("The name in the requested language."))
    description: str
    courses_url: str = Field(description=gettext_noop("The catalogue filtered by this topic."))


class TopicPage(PageEnvelope):
    results: list[TopicOut]


class ProviderPage(PageEnvelope):
    results: list[ProviderOut]


# --- Guides ------------------------------------------------------------------------------------


class GuideOut(Schema):
    id: int
    title: str
    summary: str = Field(description=gettext_noop("The guide's lead: what it gives you."))
    audience: str = Field(description=gettext_noop('Completes "This guide is for …".'))
    topics: list[TopicRef]
    url: str
    last_reviewed: date = Field(
        description=gettext_noop("When a subject expert last checked the guide.")
    )
    language: str


class GuidePage(PageEnvelope):
    results: list[GuideOut]


# --- Networks ----------------------------------------------------------------------------------


class NetworkMeetingOut(Schema):
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    when: str
    agenda: str
    cancelled: bool
    url: str


class NetworkOut(Schema):
    id: int
    slug: str
    name: str
    summary: str
    description: str
    url: str
    audience: ChoiceOut
    join_policy: ChoiceOut
    topics: list[TopicRef]
    member_count: int
    upcoming_meetings: list[NetworkMeetingOut] = Field(
        description=gettext_noop(
            "Planned meetings still to come. Where they take place is for members only."
        )
    )


class NetworkPage(PageEnvelope):
    results: list[NetworkOut]


# --- Associations and fairs --------------------------------------------------------------------


class CategoryRef(Schema):
    slug: str
    name: str


class AssociationRef(Schema):
    slug: str
    name: str
    url: str


class AssociationOut(Schema):
    id: int
    slug: str
    name: str
    summary: str
    town: str
    categories: list[CategoryRef]
    url: str
    website: str
    looking_for_volunteers: bool
    child_record_declaration_year: int | None = Field(
        description=gettext_noop(
            "The year the association declared it has obtained child-record checks "
            "(børneattester), if it has for this year; none otherwise."
        )
    )
    verified: bool = Field(description=gettext_noop("Verified by the municipality's staff."))


class VenueOut(Schema):
    id: int
    name: str
    address: str
    accessibility: str
    capacity: int | None


class ActivityOut(Schema):
    id: int
    title: str
    description: str
    schedule: str
    starts_at: datetime | None
    ends_at: datetime | None
    venue: str = Field(description=gettext_noop("The venue's name, if one is set."))
    audience: ChoiceOut
    looking_for_volunteers: bool


class StandRef(Schema):
    fair: str
    fair_slug: str
    date: date
    url: str


class AssociationDetailOut(AssociationOut):
    description: str
    address: str
    activities: list[ActivityOut]
    venues: list[VenueOut]
    fair_stands: list[StandRef] = Field(
        description=gettext_noop("Stands at coming volunteer fairs.")
    )


class AssociationPage(PageEnvelope):
    results: list[AssociationOut]


class FairOut(Schema):
    id: int
    slug: str
    title: str
    date: date
    opens: str = Field(description=gettext_noop("Opening time (HH:MM), if set."))
    closes: str = Field(description=gettext_noop("Closing time (HH:MM), if set."))
    place: str
    address: str
    description: str
    registration_deadline: date
    registration_open: bool
    url: str


class StandOut(Schema):
    association: AssociationRef
    offer: str = Field(description=gettext_noop("What visitors meet at the stand."))
    volunteers_sought: str


class FairDetailOut(FairOut):
    stands: list[StandOut]


class FairPage(PageEnvelope):
    results: list[FairOut]


# --- Schools -----------------------------------------------------------------------------------


class OfferOut(Schema):
    id: int
    title: str
    association: AssociationRef
    town: str
    tasks: str
    hours_total: int
    weeks: str
    starts_on: date | None
    ends_on: date | None
    places: int
    places_left: int
    minimum_age: int | None
    grade_from: int | None
    grade_to: int | None
    involves_children_under_15: bool
    conditions: str
    status: ChoiceOut = Field(description=gettext_noop("published or filled."))
    published_at: datetime | None
    url: str


class OfferPage(PageEnvelope):
    results: list[OfferOut]


class ContributionOut(Schema):
    id: int
    kind: ChoiceOut
    title: str
    description: str
    association: AssociationRef
    starts_at: datetime
    ends_at: datetime
    place: str


class ThemeWeekOut(Schema):
    id: int
    theme: str
    description: str
    school: str = Field(description=gettext_noop("The school's name."))
    starts_on: date
    ends_on: date
    grade_level: str
    status: ChoiceOut = Field(description=gettext_noop("open or closed (programme settled)."))
    wants: list[ChoiceOut] = Field(
        description=gettext_noop("What the school asks associations for: talk, workshop, visit.")
    )
    accepted_contributions: int
    url: str


class ThemeWeekDetailOut(ThemeWeekOut):
    programme: list[ContributionOut]


class ThemeWeekPage(PageEnvelope):
    results: list[ThemeWeekOut]


# --- The index ---------------------------------------------------------------------------------


class IndexOut(Schema):
    openapi: str = Field(description=gettext_noop("The OpenAPI 3.1 document."))
    documentation: str = Field(description=gettext_noop("The documentation page."))
    endpoints: dict[str, str]
