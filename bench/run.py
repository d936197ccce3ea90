"""Frivilligløft benchmarks: `make bench` (never part of `make test`).

1. Creates a fresh PostgreSQL database, migrates, runs seed_demo and seed_bench (2,000 courses,
   ~6,000 meetings, 20,000 people, 50,000 signups, 200 guides …).
2. Starts gunicorn (2 workers, config.settings.bench: production settings over plain HTTP,
   DEBUG off, Redis cache when reachable) on 127.0.0.1 and drives every target with wrk for a
   fixed time, measuring the bare baseline view before and after each target, so each target's
   throughput is a ratio to the same server in the same minute (these machines are shared).
3. Runs the signup storm (bench/storm.py) against two gunicorn processes sharing PostgreSQL.
4. Reads the first server's web workers' peak memory (VmHWM) after all of that.
5. Times issuing certificates against bare WeasyPrint (bench/certificates.py) when the
   certificates app exists.
6. The uncached section (skip with --no-uncached): the pages as a logged-in volunteer,
   organiser and member and as an anonymous first visitor, with the page cache off
   (bench/uncached.py): over HTTP with wrk, and in-process as a multiple of the bare view's
   CPU time with query and function-call counts (bench/inprocess.py, budget ≤ 60×).
7. Prints the table, checks the budget, writes bench/results/<date>.md.

Options: see `python bench/run.py --help`. Environment: BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/frivilligloeft_bench), BENCH_REDIS_URL (default
redis://127.0.0.1:6379/7; empty = local-memory cache).
"""

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
LUA = str(ROOT / "bench" / "latency.lua")
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))  # `python bench/run.py` puts bench/ on the path, not the root

from bench.report import report, uncached_report  # noqa: E402


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def redis_reachable(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def environment(args) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        DATABASE_URL=args.database_url,
        SECRET_KEY="bench-" + secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{args.port}",
        SECURE_SSL_REDIRECT="false",
        PYTHONPATH=str(ROOT),
    )
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
    if redis_url and redis_reachable(redis_url):
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


def manage(env, *command: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def _psql(url: str, database: str) -> list[str]:
    parts = urlsplit(url)
    base = ["psql", "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    return [
        *base,
        "-U",
        parts.username or "postgres",
        "-d",
        database,
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
    ]


def recreate_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    base = _psql(url, "postgres")
    subprocess.run([*base, "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True)
    subprocess.run([*base, "-c", f'CREATE DATABASE "{name}"'], check=True)


def vacuum_analyze(url: str) -> None:
    """What autovacuum has long done to a database in use: the visibility map set and the
    statistics fresh. Right after seeding neither is, and PostgreSQL then counts the
    catalogue's courses with a sequential scan instead of an index-only scan (at 10×: 21 ms
    against 4 ms), which measures a database no site runs on."""
    subprocess.run(
        [*_psql(url, urlsplit(url).path.lstrip("/")), "-c", "VACUUM (ANALYZE)"], check=True
    )


def seed(env, args) -> None:
    log(f"recreating {args.database_url}")
    recreate_database(args.database_url)
    log("migrate")
    manage(env, "migrate", "--noinput")
    log("seed_demo")
    manage(env, "seed_demo")
    courses = args.courses * args.scale
    log(f"seed_bench --courses {courses}")
    print(manage(env, "seed_bench", "--courses", str(courses)), end="")
    log("vacuum (analyze)")
    vacuum_analyze(args.database_url)


def start_server(env, port: int, workers: int) -> subprocess.Popen:
    command = [GUNICORN, "config.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
    command += ["--access-logfile", "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            health = f"http://127.0.0.1:{port}/healthz"
            with urllib.request.urlopen(health, timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    sys.exit(f"gunicorn on port {port} did not become healthy")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def memory_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def check_answer(url: str) -> None:
    """A target must answer 200 before it is measured: a fast 404 is not a result."""
    with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310 (http://127.0.0.1 only)
        if answer.status != 200:
            sys.exit(f"{url} answered {answer.status}")


def wrk(url: str, seconds: int, connections: int, cookie: str = "") -> dict:
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    result = subprocess.run(
        ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s", "-s", LUA, *headers, url],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    data = json.loads(line.removeprefix("BENCH "))
    data["rps"] = data["requests"] / data["seconds"]
    return data


def measure(targets: dict[str, str], port: int, args) -> list[dict]:
    base = f"http://127.0.0.1:{port}"
    bare = base + targets["bare view (baseline)"]
    rows = []
    for name, path in targets.items():
        url = base + path
        check_answer(url)
        wrk(url, 2, args.connections)  # warm up: caches, connections, imports
        if name == "bare view (baseline)":
            continue
        before = wrk(bare, args.duration, args.connections)
        target = wrk(url, args.duration, args.connections)
        after = wrk(bare, args.duration, args.connections)
        baseline = (before["rps"] + after["rps"]) / 2
        rows.append(
            {
                "name": name,
                "path": path,
                "rps": target["rps"],
                "p50": target["p50"],
                "p95": target["p95"],
                "errors": target["errors"],
                "baseline_rps": baseline,
                "ratio": target["rps"] / baseline,
            }
        )
        log(f"{name}: {target['rps']:.0f} req/s = {rows[-1]['ratio']:.2f} × bare ({baseline:.0f})")
    return rows


def measure_uncached(targets: list[dict], port: int, args) -> list[dict]:
    """The uncached section over HTTP: the page cache is off on this server; logged-in targets
    carry their person's session cookie. Reported as the bare view's throughput divided by the
    target's (how many bare requests one page costs), measured in the same minute."""
    base = f"http://127.0.0.1:{port}"
    bare = base + "/bench/bare/"
    rows = []
    for target in targets:
        url, cookie = base + target["path"], target["cookie"]
        wrk(url, 2, args.connections, cookie)  # warm up
        before = wrk(bare, args.duration, args.connections)
        measured = wrk(url, args.duration, args.connections, cookie)
        after = wrk(bare, args.duration, args.connections)
        baseline = (before["rps"] + after["rps"]) / 2
        rows.append(
            {
                "name": target["name"],
                "rps": measured["rps"],
                "p50": measured["p50"],
                "p95": measured["p95"],
                "errors": measured["errors"],
                "baseline_rps": baseline,
                "multiple": baseline / max(measured["rps"], 1e-9),
            }
        )
        log(
            f"uncached {target['name']}: {measured['rps']:.0f} req/s, "
            f"bare ÷ target {rows[-1]['multiple']:.0f}"
        )
    return rows


def run_module(env, module: str, *arguments: str, prefix: str) -> dict | None:
    result = subprocess.run(
        [PYTHON, "-m", module, *arguments], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"{module} failed:\n{result.stdout}\n{result.stderr}")
    for line in result.stdout.splitlines():
        if line.startswith(prefix):
            return json.loads(line.removeprefix(prefix))
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description="Frivilligløft benchmarks")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/frivilligloeft_bench"
        ),
    )
    parser.add_argument("--courses", type=int, default=2000)
    parser.add_argument(
        "--scale", type=int, default=1, help="seed_bench --scale (10: ten times the data)"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--skip-seed", action="store_true", help="reuse the database as it is")
    parser.add_argument(
        "--seed-only", action="store_true", help="recreate and seed the database, measure nothing"
    )
    parser.add_argument(
        "--only", help="measure only targets whose name contains one of these (comma-separated)"
    )
    parser.add_argument("--no-storm", action="store_true")
    parser.add_argument(
        "--no-uncached", action="store_true", help="skip the uncached section (page cache off)"
    )
    args = parser.parse_args()

    env = environment(args)
    if args.skip_seed:
        log("migrate (reusing the seeded database)")
        manage(env, "migrate", "--noinput")
    else:
        seed(env, args)
        if args.seed_only:
            return
    log("collectstatic")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    if "REDIS_URL" in env:
        manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    targets = run_module(env, "bench.targets", prefix="")
    if args.only:
        wanted = [part.strip() for part in args.only.split(",")]
        targets = {
            name: path
            for name, path in targets.items()
            if any(part in name for part in wanted) or name == "bare view (baseline)"
        }
    log(f"targets: {json.dumps(targets, ensure_ascii=False)}")

    server = start_server(env, args.port, workers=2)
    try:
        rows = measure(targets, args.port, args)
        storm = None
        if not args.no_storm:
            second = start_server(env, args.port + 1, workers=2)
            try:
                ports = ["--port", str(args.port), "--port", str(args.port + 1)]
                log("signup storm: 200 people, 20 seats, two gunicorn processes")
                storm = run_module(env, "bench.storm", *ports, prefix="STORM ")
            finally:
                stop_server(second)
        # Peak RSS (VmHWM) of the web workers after everything they served, the storm included.
        memory = {pid: memory_mb(pid) for pid in worker_pids(server.pid)}
    finally:
        stop_server(server)

    uncached_rows, inprocess_rows = [], []
    if not args.no_uncached:
        uncached_env = {**env, "ANONYMOUS_PAGE_CACHE_SECONDS": "0"}
        uncached_targets = run_module(uncached_env, "bench.uncached", prefix="UNCACHED ")
        if args.only:
            wanted = [part.strip() for part in args.only.split(",")]
            uncached_targets = [
                t for t in uncached_targets if any(part in t["name"] for part in wanted)
            ]
        log("uncached section over HTTP (page cache off)")
        server = start_server(uncached_env, args.port + 2, workers=2)
        try:
            uncached_rows = measure_uncached(uncached_targets, args.port + 2, args)
            for pid in worker_pids(server.pid):
                memory[pid] = memory_mb(pid)
        finally:
            stop_server(server)
        log("uncached section in-process (bench/inprocess.py)")
        inprocess_args = ["--json"] + (["--only", args.only] if args.only else [])
        inprocess_rows = run_module(
            uncached_env, "bench.inprocess", *inprocess_args, prefix="INPROCESS "
        )

    certificates = None
    if (ROOT / "certificates").is_dir():
        log("issuing certificates against bare WeasyPrint")
        certificates = run_module(env, "bench.certificates", prefix="CERTIFICATES ")

    extra = uncached_report(uncached_rows, inprocess_rows or [])
    text, ok = report(rows, memory, storm, certificates, args, env, extra)
    print()
    print(text)
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{datetime.now(UTC):%Y-%m-%d}.md"
    path.write_text(text, encoding="utf-8")
    log(f"written to {path.relative_to(ROOT)}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
