"""A large, realistic data set for benchmarks: `python manage.py seed_bench`.

Like seed_demo, each app that has benchmark data provides `<app>/bench.py` with a function
`seed(command, scale, rng) -> str` (a one-line summary). They run in INSTALLED_APPS order (the
dependency order) inside one transaction, from one random seed, so a run is repeatable. The
defaults are the sizes the benchmarks in bench/ are specified for: 2,000 courses (about 6,000
meetings), 20,000 people, 50,000 signups and 200 guides; `--scale 10` is ten times that.
Everything is written with bulk_create in batches. Never runs in production.
"""

import random
import time
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction


@dataclass(frozen=True)
class BenchScale:
    courses: int
    users: int
    signups: int
    guides: int
    index: bool


class Command(BaseCommand):
    help = "Create a large data set for benchmarks (courses, people, signups, guides …)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply the default sizes (--scale 10: 20,000 courses, 200,000 people, "
            "500,000 signups, 2,000 guides); explicit sizes win.",
        )
        parser.add_argument("--courses", type=int, help="Courses (default: 2,000 × scale).")
        parser.add_argument("--users", type=int, help="People (default: 10 per course).")
        parser.add_argument("--signups", type=int, help="Signups (default: 25 per course).")
        parser.add_argument("--guides", type=int, help="Guide pages (default: 1 per 10 courses).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (repeatable).")
        parser.add_argument(
            "--no-index", action="store_true", help="Skip the search index (faster)."
        )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("seed_bench refuses to run here: DEMO_CONTENT_ALLOWED is off.")
        if options["scale"] < 1:
            raise CommandError("--scale must be at least 1.")
        courses = options["courses"] if options["courses"] is not None else 2000 * options["scale"]
        if courses < 1:
            raise CommandError("--courses must be at least 1.")
        scale = BenchScale(
            courses=courses,
            users=max(options["users"] if options["users"] is not None else courses * 10, 1),
            signups=max(options["signups"] if options["signups"] is not None else courses * 25, 0),
            guides=max(options["guides"] if options["guides"] is not None else courses // 10, 0),
            index=not options["no_index"],
        )
        rng = random.Random(options["seed"])
        started = time.monotonic()
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.bench"
                if Path(app_config.path).parent != Path(settings.BASE_DIR):
                    continue
                if find_spec(module_name) is None:
                    continue
                summary = import_module(module_name).seed(self, scale, rng)
                self.stdout.write(f"{app_config.label}: {summary}")
        # Fresh planner statistics, as a live database has them (autovacuum would get there
        # later): without them PostgreSQL guessed 2 meetings where there were 6,000 and chose
        # a sequential scan per signup for Mine sider (75 ms instead of 0.7 ms).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"seed_bench done in {time.monotonic() - started:.1f} s")
