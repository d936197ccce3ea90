import os
import subprocess
import sys

from django.conf import settings

DUMMY_ENV = {
    "SECRET_KEY": "ci-only-" + "x" * 60,
    "ALLOWED_HOSTS": "frivilligloeft.example.dk",
    "SITE_URL": "https://frivilligloeft.example.dk",
}


def _environment(extra):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a "production" check.
    merged = {**os.environ, **(extra or {})}
    merged.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return merged


def _manage(*args, env=None):
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args, "--settings=config.settings.production"],
        cwd=settings.BASE_DIR,
        env=_environment(env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deploy_checks():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=DUMMY_ENV)

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {**DUMMY_ENV, "SECRET_KEY": ""}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_the_redis_client_is_installed_for_redis_url():
    # REDIS_URL switches the cache to Django's Redis backend, which imports this client.
    import redis

    assert redis.Redis
