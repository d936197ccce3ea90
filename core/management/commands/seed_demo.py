"""Fill the database with demo content: `python manage.py seed_demo`.

Each app that has demo content provides `<app>/demo.py` with a function
`seed(command) -> list[DemoLogin] | None`. They run in INSTALLED_APPS order (the dependency
order), inside one transaction. Every seeder is idempotent: it looks things up by a natural
key and only creates what is missing, so a second run changes nothing.
"""

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Create demo content and one demo login per role (never in production)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "seed_demo refuses to run here: DEMO_CONTENT_ALLOWED is off "
                "(it is off under production settings, where demo logins would be a hole)."
            )
        logins = []
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                # Only the project's own apps (top-level folders next to manage.py).
                if Path(app_config.path).parent != Path(settings.BASE_DIR):
                    continue
                if find_spec(module_name) is None:
                    continue
                module = import_module(module_name)
                self.stdout.write(f"Demo content: {app_config.label}")
                logins.extend(module.seed(self) or [])

        if logins:
            self.stdout.write("")
            self.stdout.write(self.style.SUCCESS("Demo logins (email / password):"))
            width = max(len(login.role) for login in logins)
            for login in logins:
                self.stdout.write(f"  {login.role:<{width}}  {login.email} / {login.password}")
