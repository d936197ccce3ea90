"""The courses app's models, split along the domain:

- `courses`: providers, courses with their meetings (topics and audiences are in `taxonomy`);
- `signups`: signups, attendance and the organisers' messages;
- `evaluations`: the anonymous course evaluation (invitations and answers);
- `wishes`: course wishes and the people who support them;
- `questions`: the organisers' own signup questions and the participants' answers;
- `qualifications`: qualifications a course grants, some valid for a limited time.

Import them from here: `from courses.models import Course, CourseWish`.
"""

from courses.models.courses import (
    RICH_TEXT_FEATURES,
    Course,
    CourseFormat,
    CourseStatus,
    Meeting,
    Provider,
    WaitingListMode,
)
from courses.models.evaluations import (
    EvaluationAnswer,
    EvaluationInvitation,
    Usefulness,
)
from courses.models.invoicing import PaymentMethod
from courses.models.qualifications import QualificationKind, QualificationReminder
from courses.models.questions import QuestionKind, SignupAnswer, SignupQuestion
from courses.models.signups import (
    ACTIVE_SIGNUP_STATUSES,
    SEAT_HOLDING_STATUSES,
    Attendance,
    CourseMessage,
    MessageRecipients,
    Signup,
    SignupEndReason,
    SignupStatus,
)
from courses.models.wishes import (
    CourseWish,
    TimeOfDay,
    WishFormat,
    WishStatus,
    WishSupport,
)

__all__ = [
    "ACTIVE_SIGNUP_STATUSES",
    "RICH_TEXT_FEATURES",
    "SEAT_HOLDING_STATUSES",
    "Attendance",
    "Course",
    "CourseFormat",
    "CourseMessage",
    "CourseStatus",
    "CourseWish",
    "EvaluationAnswer",
    "EvaluationInvitation",
    "Meeting",
    "MessageRecipients",
    "PaymentMethod",
    "Provider",
    "QualificationKind",
    "QualificationReminder",
    "QuestionKind",
    "Signup",
    "SignupAnswer",
    "SignupEndReason",
    "SignupQuestion",
    "SignupStatus",
    "TimeOfDay",
    "Usefulness",
    "WaitingListMode",
    "WishFormat",
    "WishStatus",
    "WishSupport",
]
