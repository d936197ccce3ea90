"""Tell the supporters of planned course wishes when their course opens for signup.
Idempotent: each wish's supporters are told once (run it hourly)."""

from django.core.management.base import BaseCommand

from courses import services


class Command(BaseCommand):
    help = "Email the supporters of each planned course wish once its course is open for signup."

    def handle(self, *args, **options):
        told = services.announce_planned_wishes()
        if options["verbosity"] >= 1:
            self.stdout.write(f"{told} supporter(s) told.")
