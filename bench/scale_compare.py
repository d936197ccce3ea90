"""Issue 17's "ten times the data" budget over HTTP: the uncached pages at 1× and 10×, side by side.

    python -m bench.scale_compare [--duration 5] [--repeat 2] [--only kurser,mine]

Needs two seeded databases (bench/run.py --seed-only, --scale 1 and --scale 10):
BENCH_DATABASE_URL_1X (default …/frivilligloeft_bench1) and BENCH_DATABASE_URL_10X (default
…/frivilligloeft_bench10). Starts one gunicorn per database (2 workers each, the page cache
off, config.settings.bench as in bench/run.py), each with its own Redis database so their
fragments and generations never mix, and drives every GET target of the uncached section
(bench/uncached.py, the same names at both sizes) with wrk, alternating the sizes per target
(1×, 10×, 10×, 1× … for --repeat 2), so both sizes are measured with the same code in the same
minute. p95 and p50 are the mean over the repeats. Then counts the queries per request at
both sizes in-process (bench/inprocess.py, which also covers the signup POST) and reads the
10× server's worker peak RSS (VmHWM). Budget: the same query counts, p95 at 10× at most 1.5×
its p95 at 1×, worker RSS ≤ 200 MB. Prints the table and writes it to --output if given.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from bench import run
from bench.report import RSS_BUDGET_MB

P95_BUDGET = 1.5
DEFAULT = "postgres://postgres@127.0.0.1:5432/frivilligloeft_bench"
SIZES = {
    "1×": ("BENCH_DATABASE_URL_1X", DEFAULT + "1", "redis://127.0.0.1:6379/11"),
    "10×": ("BENCH_DATABASE_URL_10X", DEFAULT + "10", "redis://127.0.0.1:6379/12"),
}


def prepare(size: str, port: int) -> dict:
    variable, default, redis_url = SIZES[size]
    url = os.environ.get(variable, default)
    os.environ["BENCH_REDIS_URL"] = redis_url
    env = run.environment(SimpleNamespace(database_url=url, port=port))
    env["ANONYMOUS_PAGE_CACHE_SECONDS"] = "0"
    run.log(f"{size}: {url}, migrate")
    run.manage(env, "migrate", "--noinput")
    if "REDIS_URL" in env:
        run.manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    targets = run.run_module(env, "bench.uncached", prefix="UNCACHED ")
    return {"size": size, "url": url, "env": env, "port": port, "targets": targets}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check_answer(url: str, cookie: str) -> None:
    """A target must answer 200 (a logged-in target not a redirect to the login) first."""
    headers = {"Cookie": cookie} if cookie else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http://127.0.0.1 only)
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=60) as answer:
            status = answer.status
    except urllib.error.HTTPError as error:
        status = error.code
    if status != 200:
        sys.exit(f"{url} answered {status}")


def measure(sides: list[dict], args) -> dict[str, dict[str, dict]]:
    """{target name: {size: {"p50", "p95", "rps", "errors"}}}, sizes alternating per target."""
    by_name = [{t["name"]: t for t in side["targets"]} for side in sides]
    names = [t["name"] for t in sides[0]["targets"]]
    if args.only:
        wanted = [part.strip() for part in args.only.split(",")]
        names = [n for n in names if any(part in n for part in wanted)]
    names = ["bare view (baseline)", *names]
    for targets in by_name:
        targets["bare view (baseline)"] = {"path": "/bench/bare/", "cookie": ""}
    order = []
    for round_ in range(args.repeat):
        order += [0, 1] if round_ % 2 == 0 else [1, 0]
    results = {}
    for name in names:
        samples = {side["size"]: [] for side in sides}
        for index, side in enumerate(sides):
            target = by_name[index][name]
            url = f"http://127.0.0.1:{side['port']}{target['path']}"
            check_answer(url, target["cookie"])
            run.wrk(url, 2, args.connections, target["cookie"])  # warm up
        for index in order:
            side, target = sides[index], by_name[index][name]
            url = f"http://127.0.0.1:{side['port']}{target['path']}"
            samples[side["size"]].append(
                run.wrk(url, args.duration, args.connections, target["cookie"])
            )
        results[name] = {
            size: {
                key: statistics.fmean(sample[key] for sample in runs)
                for key in ("p50", "p95", "rps")
            }
            | {"errors": sum(sample["errors"] for sample in runs)}
            for size, runs in samples.items()
        }
        one, ten = results[name]["1×"], results[name]["10×"]
        run.log(
            f"{name}: p95 {one['p95']:.1f} → {ten['p95']:.1f} ms "
            f"({ten['p95'] / one['p95']:.2f}×), {one['rps']:.0f} → {ten['rps']:.0f} req/s"
        )
    return results


def query_counts(side: dict, args) -> dict[str, dict]:
    arguments = ["--json", "--requests", str(args.requests), "--rounds", "1"]
    if args.only:
        arguments += ["--only", args.only]
    run.log(f"{side['size']}: queries per request in-process (bench/inprocess.py)")
    rows = run.run_module(side["env"], "bench.inprocess", *arguments, prefix="INPROCESS ")
    return {row["name"]: row for row in rows}


def inprocess_run(side: dict, args) -> tuple[dict[str, dict], float]:
    """bench/inprocess.py against one database: its rows by name and the process's peak RSS."""
    arguments = ["--json", "--requests", str(args.requests), "--rounds", "3"]
    if args.only:
        arguments += ["--only", args.only]
    run.log(f"{side['size']}: in-process (bench/inprocess.py {' '.join(arguments)})")
    result = subprocess.run(
        ["/usr/bin/time", "-f", "MAXRSS %M", run.PYTHON, "-m", "bench.inprocess", *arguments],
        cwd=run.ROOT,
        env=side["env"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"bench.inprocess failed:\n{result.stdout}\n{result.stderr}")
    line = next(x for x in result.stdout.splitlines() if x.startswith("INPROCESS "))
    rows = json.loads(line.removeprefix("INPROCESS "))
    rss = next(x for x in result.stderr.splitlines() if x.startswith("MAXRSS "))
    return {row["name"]: row for row in rows}, int(rss.split()[1]) / 1024


def inprocess_table(runs, rss, args, load: str) -> tuple[str, bool]:
    """The fallback when no HTTP run fits: in-process per-request times at 1× and 10×."""
    ok = True
    lines = [
        f"# Uncached pages at 1× and 10× data, in-process, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        "bench/inprocess.py (Django's test client through the whole middleware stack, page "
        f"cache off, Redis, one database each), {args.requests} timed requests per target and "
        f"run, runs in the order {' '.join(size for size, _ in runs)}; per size the mean of its "
        f"runs. Load before: {load}.",
        "",
        "| target | CPU ms 1× | CPU ms 10× | 10× ÷ 1× (CPU) | wall p95 1× | wall p95 10× "
        "| 10× ÷ 1× (p95) | queries 1× | queries 10× | budget |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    by_size: dict[str, list] = {}
    for size, rows in runs:
        by_size.setdefault(size, []).append(rows)
    names = list(runs[0][1])
    for name in names:

        def mean(size, key, name=name):
            return statistics.fmean(rows[name][key] for rows in by_size[size])

        queries = {size: {rows[name]["queries"] for rows in by_size[size]} for size in by_size}
        q1, q10 = sorted(queries["1×"]), sorted(queries["10×"])
        cpu = mean("10×", "ms") / mean("1×", "ms")
        p95 = mean("10×", "wall_p95_ms") / mean("1×", "wall_p95_ms")
        passed = cpu <= P95_BUDGET and q1 == q10
        ok &= passed
        lines.append(
            f"| {name} | {mean('1×', 'ms'):.1f} | {mean('10×', 'ms'):.1f} | **{cpu:.2f}** | "
            f"{mean('1×', 'wall_p95_ms'):.1f} | {mean('10×', 'wall_p95_ms'):.1f} | {p95:.2f} | "
            f"{'/'.join(map(str, q1))} | {'/'.join(map(str, q10))} | "
            f"{'ok' if passed else 'MISS'} |"
        )
    lines += [
        "",
        "Peak RSS of the in-process runs (one process serving every page, /usr/bin/time): "
        + ", ".join(f"{size} {mb:.0f} MB" for size, mb in rss)
        + f" (workers' budget ≤ {RSS_BUDGET_MB} MB).",
        "",
        f"Budget: {'all met' if ok else 'MISSED (see MISS above)'}",
        "",
    ]
    return "\n".join(lines), ok


def table(results, counts, memory, args, load: str) -> tuple[str, bool]:
    ok = True
    lines = [
        f"# Uncached pages at 1× and 10× data, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        "gunicorn 2 sync workers per database, config.settings.bench, page cache off, Redis "
        f"(one database each); wrk 1 thread, {args.connections} connections, {args.duration} s "
        f"per measurement, sizes alternating per target, p50/p95 the mean of {args.repeat} "
        f"measurements per size. Load before: {load}.",
        "",
        "| target | p50 1× | p50 10× | p95 1× | p95 10× | 10× ÷ 1× | req/s 1× | req/s 10× "
        "| queries 1× | queries 10× | budget |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    names = list(results) + [name for name in counts["1×"] if name not in results]
    for name in names:
        q1 = counts["1×"].get(name, {}).get("queries", "")
        q10 = counts["10×"].get(name, {}).get("queries", "")
        if name in results:
            one, ten = results[name]["1×"], results[name]["10×"]
            ratio = ten["p95"] / one["p95"]
            passed = ratio <= P95_BUDGET and q1 == q10 and not one["errors"] + ten["errors"]
            cells = (
                f"{one['p50']:.1f} | {ten['p50']:.1f} | {one['p95']:.1f} | {ten['p95']:.1f} | "
                f"**{ratio:.2f}** | {one['rps']:.0f} | {ten['rps']:.0f}"
            )
        else:  # the signup POST: in-process only
            passed = q1 == q10
            cells = "– | – | – | – | – | – | –"
        if name != "bare view (baseline)":
            ok &= passed
        errors = sum(results.get(name, {}).get(s, {}).get("errors", 0) for s in ("1×", "10×"))
        verdict = ("ok" if passed else "MISS") + (f", {errors} errors" if errors else "")
        if name == "bare view (baseline)":
            verdict = "no budget (the load's measure)"
        lines.append(f"| {name} | {cells} | {q1} | {q10} | {verdict} |")
    peak = max((hwm for _, hwm in memory.values()), default=0)
    ok &= peak <= RSS_BUDGET_MB
    lines += [
        "",
        "The rule: the same queries per request (in-process, bench/inprocess.py), p95 at 10× at "
        f"most {P95_BUDGET}× the p95 at 1×.",
        "",
        "10× web workers after the run: "
        + ", ".join(
            f"pid {pid}: {rss:.0f} MB now, {hwm:.0f} MB peak" for pid, (rss, hwm) in memory.items()
        )
        + f" — budget ≤ {RSS_BUDGET_MB} MB: {'ok' if peak <= RSS_BUDGET_MB else 'MISS'}",
        "",
        f"Budget: {'all met' if ok else 'MISSED (see MISS above)'}",
        "",
    ]
    return "\n".join(lines), ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement")
    parser.add_argument("--repeat", type=int, default=2, help="measurements per size and target")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8130)
    parser.add_argument("--requests", type=int, default=3, help="in-process requests per target")
    parser.add_argument("--only", help="targets whose name contains one of these (comma-separated)")
    parser.add_argument("--output", type=Path, help="also write the table to this file")
    parser.add_argument(
        "--inprocess",
        action="store_true",
        help="no HTTP: bench/inprocess.py at both sizes, alternating (1×, 10×, 10×, 1× …)",
    )
    args = parser.parse_args()

    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    sides = [prepare("1×", args.port), prepare("10×", args.port + 1)]
    if args.inprocess:
        runs, rss = [], []
        for round_ in range(args.repeat):
            for side in sides if round_ % 2 == 0 else sides[::-1]:
                rows, mb = inprocess_run(side, args)
                runs.append((side["size"], rows))
                rss.append((side["size"], mb))
        text, ok = inprocess_table(runs, rss, args, load)
        print()
        print(text)
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        sys.exit(0 if ok else 1)
    run.log("collectstatic")
    run.manage(sides[0]["env"], "collectstatic", "--noinput", "--verbosity", "0")
    servers = []
    try:
        for side in sides:
            servers.append(run.start_server(side["env"], side["port"], workers=2))
        results = measure(sides, args)
        memory = {pid: run.memory_mb(pid) for pid in run.worker_pids(servers[1].pid)}
    finally:
        for server in servers:
            run.stop_server(server)
    counts = {side["size"]: query_counts(side, args) for side in sides}
    text, ok = table(results, counts, memory, args, load)
    print()
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        run.log(f"written to {args.output}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
