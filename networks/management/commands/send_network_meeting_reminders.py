from django.core.management.base import BaseCommand

from networks.services import send_meeting_reminders
from networks.services.meetings import REMINDER_HOURS


class Command(BaseCommand):
    help = (
        "Email members a reminder of network meetings that start soon. Idempotent: each "
        "meeting is reminded once, so it is safe to run every hour (or twice)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=REMINDER_HOURS,
            help=f"Remind of meetings starting within this many hours (default {REMINDER_HOURS}).",
        )

    def handle(self, *args, hours, **options):
        sent = send_meeting_reminders(hours=hours)
        self.stdout.write(f"Network meeting reminders sent: {sent}")
