"""Courses in the Wagtail admin. Wagtail imports this package once, and each module registers
its own hooks:

- `viewsets`: one "Courses" menu with courses, topics, qualifications, providers and wishes;
- `reports`: the evaluation and demand reports in the "Reports" menu, and their URLs;
- `home_panel`: the course administrator's panel on the admin's home page;
- `log_actions`: the names of the changes courses.services log (core.audit), with labels.
"""

from courses.wagtail_hooks import home_panel, log_actions, reports, viewsets
from courses.wagtail_hooks.home_panel import CourseAdministratorPanel
from courses.wagtail_hooks.viewsets import CoursesGroup

__all__ = [
    "CourseAdministratorPanel",
    "CoursesGroup",
    "home_panel",
    "log_actions",
    "reports",
    "viewsets",
]
