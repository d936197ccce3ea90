"""Pass expired waiting-list offers on to the next person. Safe to run every minute."""

from django.core.management.base import BaseCommand

from courses import services


class Command(BaseCommand):
    help = (
        "Expire seat offers that were not accepted in time and offer the seat to the next person."
    )

    def handle(self, *args, **options):
        expired = services.expire_offers()
        if options["verbosity"] >= 1:
            self.stdout.write(f"{expired} offer(s) expired and passed on.")
