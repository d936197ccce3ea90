"""Remind people before a qualification they hold (first aid, …) runs out, naming the next
course that renews it. Idempotent: one reminder per person and period of validity however
often this runs (daily is enough)."""

from django.core.management.base import BaseCommand, CommandError

from courses.services.qualifications import send_qualification_reminders


class Command(BaseCommand):
    help = "Email people whose qualification ends within the next N days (default 60)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=60, help="How many days ahead to remind (default 60)."
        )

    def handle(self, *args, **options):
        if options["days"] < 1:
            raise CommandError("--days must be at least 1.")
        sent = send_qualification_reminders(days=options["days"])
        if options["verbosity"] >= 1:
            self.stdout.write(f"{sent} reminder(s) sent.")
