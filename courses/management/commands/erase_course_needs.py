"""Erase participants' special needs on courses that have ended. Safe to run every night."""

from django.core.management.base import BaseCommand

from courses import services


class Command(BaseCommand):
    help = (
        "Erase the special needs (often health details) participants gave, on every course "
        "that has ended or was cancelled."
    )

    def handle(self, *args, **options):
        erased = services.erase_needs_of_ended_courses()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Special needs erased on {erased} signup(s).")
