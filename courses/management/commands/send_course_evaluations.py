"""Invite participants to evaluate the courses that have just ended. Idempotent: each person
is invited once per course however often this runs (hourly is a good rhythm), also when two
runs overlap."""

from django.core.management.base import BaseCommand

from courses import services


class Command(BaseCommand):
    help = (
        "Email each confirmed participant who attended a course that ended within the last "
        "14 days a link to its anonymous evaluation (once per person and course)."
    )

    def handle(self, *args, **options):
        invited = services.send_course_evaluations()
        if options["verbosity"] >= 1:
            self.stdout.write(f"{invited} invitation(s) sent.")
