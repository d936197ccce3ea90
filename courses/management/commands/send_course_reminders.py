"""Remind confirmed participants before their course starts. Idempotent: each person gets one
reminder per course however often this runs (hourly is a good rhythm)."""

from django.core.management.base import BaseCommand, CommandError

from courses import services


class Command(BaseCommand):
    help = "Email confirmed participants of courses that start within the next N days (default 2)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=2, help="How many days ahead to remind (default 2)."
        )

    def handle(self, *args, **options):
        if options["days"] < 1:
            raise CommandError("--days must be at least 1.")
        sent = services.send_course_reminders(days=options["days"])
        if options["verbosity"] >= 1:
            self.stdout.write(f"{sent} reminder(s) sent.")
