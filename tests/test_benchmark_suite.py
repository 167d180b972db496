"""The suite runner: it runs a benchmark as its own process and writes the report with
the machine, the load and each figure beside the older code's (benchmarks/suite.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks import suite

ROOT = Path(__file__).resolve().parents[1]


def test_each_figure_is_shown_beside_the_older_codes_with_their_ratio():
    figures = {
        "2000 pages": {"newsdesk: import": 3.0, "before: import": 6.0, "pelican: build": 4.0},
        "300 words, newsdesk": {"longest_stall_ms": 12.0},
        "300 words, newsdesk before": {"longest_stall_ms": 24.0},
        "sqlite": {"'h'": {"first screen ms": 5.0}},
        "sqlite before": {"'h'": {"first screen ms": 20.0}},
        "server": {
            "before": {"ha": {"rows ms": {"median": 400.0}}},
            "after": {"ha": {"rows ms": {"median": 200.0}}},
        },
    }
    text = "\n".join(suite.tables(figures))
    assert "| newsdesk: import | 3.000 (before 6.000, 0.50x) |" in text
    assert "| pelican: build | 4.000 |" in text
    assert "| 300 words, newsdesk | 12.0 (before 24.0, 0.50x) |" in text
    assert "| 'h' | 5.000 (before 20.0, 0.25x) |" in text
    # The older code's own rows and tables are not shown a second time.
    assert "300 words, newsdesk before |" not in text
    assert "**sqlite before**" not in text
    assert "**server / after / ha**" in text and "**server / before / ha**" not in text
    assert "| rows ms | 200.0 (before 400.0, 0.50x) |" in text


def test_the_suite_runs_a_benchmark_and_writes_its_report(tmp_path):
    out = tmp_path / "run.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.suite", "--preset", "smoke", "--only", "import",
         "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    report = out.read_text(encoding="utf-8")
    assert "| processor |" in report and "| SQLite |" in report
    assert "## import" in report and "load average" in report
    row = next(line for line in report.splitlines() if line.startswith("| sqlite: newsdesk |"))
    assert float(row.split("|")[2].split()[0]) > 0


def test_an_unknown_benchmark_is_refused_by_name():
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.suite", "--preset", "smoke", "--only", "nonsense"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "no benchmark named nonsense" in done.stderr
