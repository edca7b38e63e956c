"""docs/analytics.md's SQL, run in DuckDB, gives exactly the figures of `pathlight report --json`.

Generates a data set (examples/report_events.rs, on the demo pack), runs the native report on
it, runs every `-- duckdb:` and `-- portable:` block of docs/analytics.md in DuckDB, and
compares each figure. Run by scripts/test.sh with the DuckDB that scripts/env.sh installs:

    target/duckdb-venv/bin/python tests/report_duckdb.py [EVENTS]
"""

import json
import os
import re
import subprocess
import sys
import tempfile

import duckdb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
PACK = os.path.join(ROOT, "lessons")


def blocks():
    """The SQL blocks of docs/analytics.md, as (engine, name, sql), in order."""
    text = open(os.path.join(ROOT, "docs/analytics.md"), encoding="utf-8").read()
    for body in re.findall(r"```sql\n(.*?)```", text, re.S):
        head = re.match(r"-- (\w+): (\w+)\n", body)
        assert head, f"an SQL block without its `-- engine: name` line:\n{body}"
        yield head.group(1), head.group(2), body


def main():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    subprocess.run(["cargo", "build", "--quiet", "--bin", "pathlight", "--example", "report_events"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        events = os.path.join(tmp, "events.ndjson")
        with open(events, "wb") as out:
            subprocess.run([os.path.join(target, "debug/examples/report_events"), str(EVENTS), "--pack", PACK], cwd=ROOT, stdout=out, check=True)
        report = json.loads(subprocess.run(
            [os.path.join(target, "debug/pathlight"), "report", events, "--pack", PACK, "--json"],
            cwd=ROOT, capture_output=True, check=True).stdout)
        db = duckdb.connect()
        figures = {}
        for engine, name, sql in blocks():
            if engine not in ("duckdb", "portable"):
                continue
            sql = sql.replace("'events.ndjson'", "'" + events.replace("'", "''") + "'")
            if name == "stops":
                # The maps' stops, from the report as the page says.
                db.execute("CREATE TABLE pl_stops (goal VARCHAR, position INTEGER, lesson VARCHAR)")
                for g in report["goals"]:
                    for k, s in enumerate(g["stops"]):
                        db.execute("INSERT INTO pl_stops VALUES (?, ?, ?)", [g["id"], k, s["lesson"]])
            cur = db.execute(sql)
            statement = "\n".join(l for l in sql.splitlines() if not l.startswith("--")).lstrip()
            if not statement.upper().startswith("CREATE"):
                cols = [d[0] for d in cur.description]
                figures[name] = [dict(zip(cols, row)) for row in cur.fetchall()]
        failures = compare(report, figures)
    if failures:
        for f in failures[:40]:
            print("MISMATCH", f)
        print(f"0 passed, {len(failures)} failed")
        sys.exit(1)
    print(f"DuckDB {duckdb.__version__} agrees with pathlight report --json on {report['input']['records']} records, "
          f"{report['learners']} learners, {len(report['lessons'])} lessons, {len(report['goals'])} goals, {len(report['days'])} days")
    print("1 passed, 0 failed")


def compare(report, sql):
    failures = []
    # The data set must exercise every figure, or agreeing would prove little.
    assert len(report["lessons"]) > 10 and all(l["opened"] > 0 for l in report["lessons"])
    assert any(l["steps"] for l in report["lessons"]) and report["overview"]["median_ms_opened_to_completed"]
    assert all(g["stops"] and g["chosen"] and g["stall"] for g in report["goals"])
    assert len(report["days"]) > 20 and any(l["flags"] for l in report["lessons"])

    def same(what, got, want):
        if got != want:
            failures.append(f"{what}: SQL {got!r}, report {want!r}")

    o = sql["overview"][0]
    same("learners", o["learners"], report["learners"])
    for k in ["panel_opened", "shown", "opened", "completed", "lessons_shown", "lessons_opened",
              "lessons_completed", "pairs_opened", "pairs_opened_completed"]:
        same(f"overview.{k}", int(o[k] or 0), report["overview"][k])
    median = sql["median"][0]["median_ms"] if sql["median"] else None
    same("overview.median", median, report["overview"]["median_ms_opened_to_completed"])

    lessons = {l["id"]: l for l in report["lessons"]}
    medians = {r["lesson"]: r["median_ms"] for r in sql["medians"]}
    steps = {}
    for r in sql["steps"]:
        steps.setdefault(r["lesson"], []).append((r["step"], int(r["learners"])))
    seen = set()
    for row in sql["lessons"]:
        lid = row["id"]
        seen.add(lid)
        l = lessons.get(lid)
        if l is None:
            failures.append(f"lesson {lid}: in SQL, not in the report")
            continue
        for k in ["met", "shown", "opened", "completed", "known", "dismissed", "opened_completed", "dropped_off"]:
            same(f"{lid}.{k}", int(row[k]), l[k])
        for k in ["why", "what", "how"]:
            same(f"{lid}.layers.{k}", int(row[k]), l["layers"][k])
        for k in ["button", "escape", "command", "completed"]:
            same(f"{lid}.closed.{k}", int(row["closed_" + k]), l["closed"][k])
        same(f"{lid}.median", medians.get(lid), l["median_ms_opened_to_completed"])
        cumulative = sorted(steps.get(lid, []))
        top = cumulative[-1][0] if cumulative else 0
        want_steps = [next(n for s, n in cumulative if s >= k) for k in range(1, top + 1)]
        same(f"{lid}.steps", want_steps, l["steps"])
    for lid, l in lessons.items():
        if lid not in seen and l["met"] > 0:
            failures.append(f"lesson {lid}: in the report, not in SQL")

    goals = {g["id"]: g for g in report["goals"]}
    chosen = {r["id"]: r["chosen"] for r in sql["goals"]}
    for gid, g in goals.items():
        same(f"goal {gid}.chosen", chosen.get(gid, 0), g["chosen"])
    stops = {}
    for r in sql["stops"]:
        stops[(r["goal"], r["position"])] = (int(r["past"]), int(r["through"]))
    for gid, g in goals.items():
        through_before = g["chosen"]
        most, stall = 0, None
        for k, s in enumerate(g["stops"]):
            past, through = stops.get((gid, k), (0, 0))
            same(f"goal {gid} stop {k} past", past, s["past"])
            same(f"goal {gid} stop {k} through", through, s["through"])
            if through_before - through > most:
                most, stall = through_before - through, s["lesson"]
            through_before = through
        same(f"goal {gid}.stall", stall, g["stall"])

    active = {str(r["day"]): r["active"] for r in sql["days_active"]}
    completions = {str(r["day"]): r["completions"] for r in sql["days_completions"]}
    same("days", sorted(active), [d["day"] for d in report["days"]])
    for d in report["days"]:
        same(f"{d['day']}.active", active.get(d["day"]), d["active"])
        same(f"{d['day']}.completions", completions.get(d["day"], 0), d["completions"])
    return failures


if __name__ == "__main__":
    main()
