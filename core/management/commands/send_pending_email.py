"""Send every email in the outbox that is due now, then exit (cron: every minute).

The task worker sends each email as soon as its change commits and retries later ones; this
command is the safety net that sends whatever is still due — after a worker outage, or where
no worker runs — and, with --purge-days, deletes old sent emails (they hold personal data).
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from core import outbox


class Command(BaseCommand):
    help = "Send every email in the outbox that is due now (retries included), then exit."

    def add_arguments(self, parser):
        parser.add_argument(
            "--purge-days",
            type=int,
            default=30,
            help="Delete sent and failed emails older than this many days (0: keep all).",
        )

    def handle(self, *args, purge_days, **options):
        report = outbox.send_due_emails()
        if options["verbosity"] >= 1 and (report.sent or report.retrying or report.failed):
            self.stdout.write(str(report))
        for error in report.errors:
            self.stderr.write(error)
        if purge_days > 0:
            purged = outbox.purge_sent_emails(older_than=timedelta(days=purge_days))
            if purged and options["verbosity"] >= 1:
                self.stdout.write(f"{purged} old emails deleted")
