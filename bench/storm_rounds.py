"""The signup storm several times in a row, against the seeded benchmark database.

    python bench/storm_rounds.py [--rounds 5] [--port 8100]

`make bench` runs the storm once; one storm on a shared two-core machine is one sample. This
starts the two gunicorn processes as bench/run.py does (2 sync workers each,
config.settings.bench, Redis when reachable), runs bench/storm.py `--rounds` times against them
(each round a fresh course, 20 seats, 200 new people) and prints one row per round and the
median and worst p95. The database must already be seeded (`make bench` or
`python bench/run.py --seed-only`); BENCH_DATABASE_URL as for bench/run.py.
"""

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import environment, run_module, start_server, stop_server


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
    rows = []
    try:
        for _ in range(args.rounds):
            ports = ["--port", str(args.port), "--port", str(args.port + 1)]
            rows.append(run_module(env, "bench.storm", *ports, prefix="STORM "))
    finally:
        stop_server(second)
        stop_server(first)
    print(
        "| round | confirmed | waitlisted (1…n unique) | errors | p50 ms | p95 ms | max ms |"
        " wall s | client CPU s |"
    )
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for number, row in enumerate(rows, 1):
        print(
            f"| {number} | {row['confirmed']} | {row['waitlisted']}"
            f" ({'yes' if row['positions_unique_1_to_n'] else 'NO'}) | {row['errors']}"
            f" | {row['p50_ms']:,} | {row['p95_ms']:,} | {row['max_ms']:,} | {row['wall_s']}"
            f" | {row['client_cpu_s']} |"
        )
    p95s = [row["p95_ms"] for row in rows]
    print(
        f"\np95 median {statistics.median(p95s):,.1f} ms, worst {max(p95s):,.1f} ms; "
        f"every round right: {all(row['ok'] for row in rows)}"
    )


if __name__ == "__main__":
    main()
