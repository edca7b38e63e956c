"""docs/analytics.md's SQL, run in DuckDB and in ClickHouse, gives exactly the figures of
`pathlight report --json`.

Generates a data set (examples/report_events.rs, on the demo pack), runs the native report on
it, runs every `-- duckdb:` and `-- portable:` block of docs/analytics.md in DuckDB, every
`-- clickhouse:` and `-- portable:` block in ClickHouse (chDB: ClickHouse as a library), and
compares each figure. Run by scripts/test.sh with the engines scripts/env.sh installs:

    target/sql-venv/bin/python tests/report_sql.py [EVENTS]
"""

import json
import os
import re
import subprocess
import sys
import tempfile

import duckdb
from chdb import session as chdb_session

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


def statements(sql):
    """A block's statements, without its comment lines (no block has `;` in a string)."""
    code = "\n".join(l for l in sql.splitlines() if not l.startswith("--"))
    return [s.strip() for s in code.split(";") if s.strip()]


def quote(text):
    """A string literal that both engines read alike (ClickHouse would take a backslash as an
    escape, DuckDB as itself)."""
    assert "\\" not in text, text
    return "'" + text.replace("'", "''") + "'"


class DuckDb:
    """DuckDB, in memory: runs the `duckdb` and `portable` blocks."""

    engine = "duckdb"
    name = f"DuckDB {duckdb.__version__}"

    def __init__(self):
        self.db = duckdb.connect()

    def run(self, statement):
        """Runs one statement; the rows of a query, as dicts."""
        cur = self.db.execute(statement)
        if cur.description is None:
            return []
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def stops_table(self):
        return "CREATE TABLE pl_stops (goal VARCHAR, position INTEGER, lesson VARCHAR)"


class ClickHouse:
    """ClickHouse through chDB, in a session of its own: runs the `clickhouse` and `portable`
    blocks."""

    engine = "clickhouse"

    def __init__(self):
        self.db = chdb_session.Session()
        self.name = "ClickHouse " + self.run("SELECT version() AS v")[0]["v"]

    def run(self, statement):
        """Runs one statement; the rows of a query, as dicts."""
        out = str(self.db.query(statement, "JSONEachRow"))
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    def stops_table(self):
        return "CREATE TABLE pl_stops (goal String, position Int32, lesson String) ENGINE = Memory"


def figures_of(db, events, report):
    """Every figure of the page's SQL, by block name, as `db` computes it."""
    figures = {}
    for engine, name, sql in blocks():
        if engine not in (db.engine, "portable"):
            continue
        sql = sql.replace("'events.ndjson'", quote(events))
        if name == "stops":
            # The maps' stops, from the report as the page says.
            db.run(db.stops_table())
            rows = [f"({quote(g['id'])}, {k}, {quote(s['lesson'])})" for g in report["goals"] for k, s in enumerate(g["stops"])]
            db.run("INSERT INTO pl_stops VALUES " + ", ".join(rows))
        for statement in statements(sql):
            rows = db.run(statement)
            if not statement.upper().startswith(("CREATE", "INSERT")):
                figures[name] = rows
    return figures


def main():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    subprocess.run(["cargo", "build", "--quiet", "--bin", "pathlight", "--example", "report_events"], cwd=ROOT, check=True)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        events = os.path.join(tmp, "events.ndjson")
        with open(events, "wb") as out:
            subprocess.run([os.path.join(target, "debug/examples/report_events"), str(EVENTS), "--pack", PACK], cwd=ROOT, stdout=out, check=True)
        report = json.loads(subprocess.run(
            [os.path.join(target, "debug/pathlight"), "report", events, "--pack", PACK, "--json"],
            cwd=ROOT, capture_output=True, check=True).stdout)
        for db in (DuckDb(), ClickHouse()):
            failures = compare(report, figures_of(db, events, report))
            for f in failures[:40]:
                print(f"MISMATCH in {db.name}:", f)
            if failures:
                failed += 1
            else:
                print(f"{db.name} agrees with pathlight report --json on {report['input']['records']} records, "
                      f"{report['learners']} learners, {len(report['lessons'])} lessons, {len(report['goals'])} goals, {len(report['days'])} days")
    print(f"{2 - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


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
