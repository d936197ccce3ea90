"""Open Badges signing keys: `show` the published keys, `generate PATH` a new one.

Key rotation (docs/operations.md, "Open Badges keys"):

    manage.py credential_keys show               # note the current public key (z6Mk…)
    manage.py credential_keys generate /etc/frivilligloeft/credential-key-2027.pem
    # then: CREDENTIAL_SIGNING_KEY_FILE=<the new file>, and the old public key added to
    # CREDENTIAL_RETIRED_KEYS; restart the site.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certificates.credentials import keys


class Command(BaseCommand):
    help = "Show the Open Badges signing keys the site publishes, or generate a new key file."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        commands.add_parser("show", help="the issuer DID and every published public key")
        generate = commands.add_parser("generate", help="write a new Ed25519 key (PEM) to PATH")
        generate.add_argument("path", type=Path)

    def handle(self, *args, action, **options):
        if action == "generate":
            try:
                key = keys.write_new_key(options["path"])
            except FileExistsError as error:
                raise CommandError(f"{options['path']} exists; it is never overwritten.") from error
            self.stdout.write(f"New key written to {options['path']} (readable by its owner only).")
            self.stdout.write(f"Its public key: {keys.public_multibase(key.public_key())}")
            return
        self.stdout.write(f"Issuer: {keys.issuer_did()}")
        current = keys.current_key()
        self.stdout.write(f"Signing with: {current.multibase}")
        for key in keys.published_keys()[1:]:
            self.stdout.write(f"Retired, still published: {key.multibase}")
