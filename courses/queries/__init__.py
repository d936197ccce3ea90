"""Reusable read queries of the courses app, split along the domain: courses, seats, signups
and completion (`signups`), evaluations (`evaluations`), course wishes and demand (`wishes`),
qualifications and their validity (`qualifications`).

Each function costs a fixed number of queries however many rows it covers. Import from here:
`from courses import queries` then `queries.catalogue_courses()`.
"""

from courses.queries.evaluations import (
    EvaluationSummary,
    course_evaluation_results,
    evaluation_summaries_by_course,
    evaluation_summaries_by_topic,
    evaluation_summary,
    open_evaluation_invitations,
    public_rating,
)
from courses.queries.qualifications import (
    Qualification,
    add_months,
    next_courses_granting,
    qualification_of_signup,
    qualifications_by_user,
    qualifications_from_signups,
    qualifications_of,
    qualifying_completions,
    with_next_courses,
)
from courses.queries.signups import (
    SignupState,
    active_signups_by_course,
    attended_expression,
    catalogue_courses,
    completed_signups,
    completed_signups_across_courses,
    has_completed,
    held_meeting_count,
    meeting_count_expression,
    published_courses,
    required_attendance,
    required_attendance_expression,
    seats_left,
    signup_questions,
    signup_state,
    waiting_position_expression,
    with_seat_counts,
)
from courses.queries.wishes import (
    TopicDemand,
    demand_by_topic,
    public_wishes,
    register_demand_source,
)

__all__ = [
    "EvaluationSummary",
    "Qualification",
    "SignupState",
    "TopicDemand",
    "active_signups_by_course",
    "add_months",
    "attended_expression",
    "catalogue_courses",
    "completed_signups",
    "completed_signups_across_courses",
    "course_evaluation_results",
    "demand_by_topic",
    "evaluation_summaries_by_course",
    "evaluation_summaries_by_topic",
    "evaluation_summary",
    "has_completed",
    "held_meeting_count",
    "meeting_count_expression",
    "next_courses_granting",
    "open_evaluation_invitations",
    "public_rating",
    "public_wishes",
    "published_courses",
    "qualification_of_signup",
    "qualifications_by_user",
    "qualifications_from_signups",
    "qualifications_of",
    "qualifying_completions",
    "register_demand_source",
    "required_attendance",
    "required_attendance_expression",
    "seats_left",
    "signup_questions",
    "signup_state",
    "waiting_position_expression",
    "with_next_courses",
    "with_seat_counts",
]
