"""The report `make bench` prints and writes to bench/results/<date>.md, and the budgets it
checks (bench/run.py measures; this formats and judges)."""

import os
from datetime import UTC, datetime

# The budget (issue: "Benchmarks and load proof"): minimum throughput ratio to the bare view.
RATIO_BUDGET = 0.5
RSS_BUDGET_MB = 200
CERTIFICATE_BUDGET = 1.2
# Issue 17: in-process cost of each uncached page at most this multiple of the bare view's.
UNCACHED_BUDGET = 60.0
# Issue 17: the signup storm's p95 (200 people released at once over two servers).
STORM_P95_BUDGET_MS = 1000


def uncached_report(uncached_rows, inprocess_rows) -> tuple[list[str], bool]:
    ok = True
    lines = []
    if inprocess_rows:
        lines += [
            "",
            "## Uncached section, in-process (bench/inprocess.py; page cache off)",
            "",
            "CPU time of one request through the whole middleware stack as a multiple of the "
            "bare view's, both measured in the same process, alternating; function calls under "
            "cProfile are deterministic.",
            "",
            "| target | CPU ms | × bare | wall ms | queries | function calls | budget |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for row in inprocess_rows:
            passed = row["ratio"] <= UNCACHED_BUDGET
            ok &= passed
            lines.append(
                f"| {row['name']} | {row['ms']:.1f} | {row['ratio']:.0f} | {row['wall_ms']:.1f} | "
                f"{row['queries']} | {row['calls']:,} | "
                f"{'ok' if passed else 'MISS'} (≤ {UNCACHED_BUDGET:.0f}×) |"
            )
    if uncached_rows:
        lines += [
            "",
            "## Uncached section over HTTP (gunicorn, page cache off)",
            "",
            "| target | req/s | p50 ms | p95 ms | bare req/s | bare ÷ target | errors |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in uncached_rows:
            ok &= row["errors"] == 0
            lines.append(
                f"| {row['name']} | {row['rps']:.0f} | {row['p50']:.1f} | {row['p95']:.1f} | "
                f"{row['baseline_rps']:.0f} | {row['multiple']:.0f} | {row['errors']} |"
            )
    return lines, ok


def report(rows, memory, storm, certificates, args, env, extra=None) -> tuple[str, bool]:
    ok = True
    lines = [
        f"# Benchmark {datetime.now(UTC):%Y-%m-%d %H:%M}",
        "",
        f"{args.courses * args.scale} courses (seed_bench, scale {args.scale}), "
        "gunicorn 2 sync workers, "
        f"config.settings.bench (DEBUG off), PostgreSQL, "
        f"{'Redis' if 'REDIS_URL' in env else 'local-memory'} cache; wrk 1 thread, "
        f"{args.connections} connections, {args.duration} s per target, the bare view measured "
        f"right before and after each target. Machine: {os.cpu_count()} cores.",
        "",
        "| target | req/s | p50 ms | p95 ms | bare req/s | ratio | budget |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        passed = row["ratio"] >= RATIO_BUDGET and row["errors"] == 0
        if row["name"].endswith("[info]"):
            verdict = "no budget (information)"
        else:
            ok &= passed
            errors = f", {row['errors']} errors" if row["errors"] else ""
            verdict = f"{'ok' if passed else 'MISS'} (≥ {RATIO_BUDGET:.2f}{errors})"
        lines.append(
            f"| {row['name']} | {row['rps']:.0f} | {row['p50']:.1f} | {row['p95']:.1f} | "
            f"{row['baseline_rps']:.0f} | {row['ratio']:.2f} | {verdict} |"
        )
    peak = max(hwm for _, hwm in memory.values()) if memory else 0
    ok &= peak <= RSS_BUDGET_MB
    lines += [
        "",
        "Web worker memory after the run: "
        + ", ".join(
            f"pid {pid}: {rss:.0f} MB now, {hwm:.0f} MB peak" for pid, (rss, hwm) in memory.items()
        )
        + f" — budget ≤ {RSS_BUDGET_MB} MB: {'ok' if peak <= RSS_BUDGET_MB else 'MISS'}",
    ]
    if storm:
        storm_ok = storm["ok"] and storm["p95_ms"] < STORM_P95_BUDGET_MS
        ok &= storm_ok
        lines += [
            "",
            f"Signup storm: {storm['people']} people, {storm['seats']} seats, "
            f"{storm['servers']} gunicorn processes × 2 workers on one PostgreSQL → "
            f"{storm['confirmed']} confirmed, {storm['waitlisted']} waitlisted, positions unique "
            f"1…n: {storm['positions_unique_1_to_n']}, errors: {storm['errors']} "
            f"{storm['error_statuses'] or ''}; latency p50 {storm['p50_ms']} ms, "
            f"p95 {storm['p95_ms']} ms (budget < {STORM_P95_BUDGET_MS} ms), max {storm['max_ms']} "
            f"ms; {storm['wall_s']} s in all — {'ok' if storm_ok else 'MISS'}",
        ]
    if certificates:
        ok &= certificates["ratio_100"] <= CERTIFICATE_BUDGET
        lines += [
            "",
            "Issuing certificates (bare: WeasyPrint on the same HTML): "
            + "; ".join(
                f"{n}: ours {certificates[f'ours_{n}']:.2f} s, bare WeasyPrint "
                f"{certificates[f'bare_{n}']:.2f} s, ratio {certificates[f'ratio_{n}']:.2f}"
                for n in (1, 100)
            )
            + f" — budget ≤ {CERTIFICATE_BUDGET}×: "
            + ("ok" if certificates["ratio_100"] <= CERTIFICATE_BUDGET else "MISS"),
        ]
    if extra:
        extra_lines, extra_ok = extra
        lines += extra_lines
        ok &= extra_ok
    lines += ["", f"Budget: {'all met' if ok else 'MISSED (see MISS above)'}", ""]
    return "\n".join(lines), ok
