"""The signup storm several times in a row, against the seeded benchmark database.

    python bench/storm_rounds.py [--rounds 5] [--port 8100]

`make bench` runs the storm once; one storm on a shared two-core machine is one sample. This
starts the two gunicorn processes as bench/run.py does (2 sync workers each,
config.settings.bench, Redis when reachable), runs bench/storm.py `--rounds` times against them
(each round a fresh course, 20 seats, 200 new people) and prints one row per round and the
median and worst p95. The database must already be seeded (`make bench` or
`python bench/run.py --seed-only`); BENCH_DATABASE_URL as for bench/run.py. Besides the
latencies it reports the CPU each signup cost the web workers and PostgreSQL (from /proc,
Linux): on a shared machine the wall clock moves with the neighbours, the CPU per signup much
less.
"""

import argparse
import os
import statistics
import sys
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import environment, run_module, start_server, stop_server, worker_pids


def cpu_seconds(pids) -> dict[int, float]:
    """CPU time (user + system) of each of these processes that is still running: the same
    work costs the same CPU whatever the machine's neighbours do to the wall clock."""
    seconds = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


def backends_of(database: str) -> list[int]:
    """PostgreSQL's processes serving connections to `database` (the web workers keep theirs,
    DATABASE_CONN_MAX_AGE)."""
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if command.startswith("postgres: ") and f" {database} " in command:
            pids.append(int(pid))
    return pids


def used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds used in between (a process that started in between counts from 0)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/frivilligloeft_bench"
        ),
    )
    args = parser.parse_args()
    env = environment(args)
    first = start_server(env, args.port, workers=2)
    second = start_server(env, args.port + 1, workers=2)
    database = urlparse(args.database_url).path.lstrip("/")
    servers = [first.pid, second.pid]
    rows = []
    try:
        for _ in range(args.rounds):
            ports = ["--port", str(args.port), "--port", str(args.port + 1)]
            web = servers + [pid for server in servers for pid in worker_pids(server)]
            before = cpu_seconds(web), cpu_seconds(backends_of(database))
            row = run_module(env, "bench.storm", *ports, prefix="STORM ")
            after = cpu_seconds(web), cpu_seconds(backends_of(database))
            row["web_cpu_ms"] = used(before[0], after[0]) / row["people"] * 1000
            row["postgres_cpu_ms"] = used(before[1], after[1]) / row["people"] * 1000
            rows.append(row)
    finally:
        stop_server(second)
        stop_server(first)
    print(
        "| round | confirmed | waitlisted (1…n unique) | errors | p50 ms | p95 ms | max ms |"
        " wall s | client CPU s | web CPU ms / signup | PostgreSQL CPU ms / signup |"
    )
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for number, row in enumerate(rows, 1):
        print(
            f"| {number} | {row['confirmed']} | {row['waitlisted']}"
            f" ({'yes' if row['positions_unique_1_to_n'] else 'NO'}) | {row['errors']}"
            f" | {row['p50_ms']:,} | {row['p95_ms']:,} | {row['max_ms']:,} | {row['wall_s']}"
            f" | {row['client_cpu_s']} | {row['web_cpu_ms']:.1f} | {row['postgres_cpu_ms']:.1f} |"
        )
    p95s = [row["p95_ms"] for row in rows]
    print(
        f"\np95 median {statistics.median(p95s):,.1f} ms, worst {max(p95s):,.1f} ms; "
        f"every round right: {all(row['ok'] for row in rows)}"
    )


if __name__ == "__main__":
    main()
