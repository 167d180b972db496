"""Import and export as the web team runs them (the CLI, each step its own process),
side by side with Pelican on the same bodies and with Python-Markdown alone.

    python -m benchmarks.bench_export [--pages 2000] [--sizes 1000,10000,100000]
                                      [--before DIR] [--before-sizes 10000]

- import of N text pages (`newsdesk import`), then the first export of them;
- Pelican building the same N stories from Markdown sources (its peer figure);
- Python-Markdown alone converting the N bodies (render_body): the floor of a first
  export, and what an export of unchanged articles to a new folder is compared with;
- export of the unchanged articles to a new folder (bodies from the database cache);
- the files alone: a fresh process writing the bytes that export wrote (read into
  memory first, untimed) as new files in a new folder, then one `os.sync`, as the
  export syncs: what any export to a new folder costs at least on this disk;
- the pages rendered alone: the N article pages through the site's template in one
  process, bodies converted beforehand (untimed), no file written: CPU seconds;
- one article's export (`newsdesk export ID`): what the command costs before and
  around its pages (the interpreter, its imports, the newsroom, index and manifest).
  With half the pages rendered alone (both cores), the least a command-line export
  of N unchanged articles to a new folder can take here;
- at each size, a no-op re-export and the peak memory of a whole-site export.
Medians of `--repeat` runs; seconds; peak resident memory from the OS. Each newsdesk
runs from compiled bytecode, as installed (pip compiles at install): its package is
compiled in place first, so no command compiles its modules from source.

`--before DIR` runs every newsdesk step a second time with the code in DIR (a folder
holding an older `newsdesk` package, e.g. `git archive main`), in the same run, so
before and after are measured side by side on the same machine load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import write_pelican_sources, write_text_pages

PELICAN_CONF = """AUTHOR = "Bench"
SITENAME = "Bench"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False
"""


ROOT = Path(__file__).resolve().parents[1]


def code_env(code: str | None) -> dict[str, str]:
    """The environment that runs the newsdesk in `code` (None: this checkout). The
    commands run outside the checkout, so its folder does not shadow PYTHONPATH."""
    paths = [code] if code else []
    return {**os.environ, "PYTHONPATH": os.pathsep.join([*paths, str(ROOT)])}


# CPU seconds (user + system) of the last `newsdesk` command, its own child processes
# included: beside wall time, which the machine's other load stretches.
last_cpu = 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def newsdesk(*args: str, code: str | None = None) -> float:
    """Seconds of one `newsdesk` command, in its own process (its CPU: `last_cpu`)."""
    global last_cpu
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        capture_output=True,
        text=True,
        env=code_env(code),
        cwd=tempfile.gettempdir(),
        check=False,
    )
    seconds = time.perf_counter() - start
    last_cpu = _children_cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError(f"newsdesk {' '.join(args[:4])}… failed: {done.stderr[-2000:]}")
    return seconds


def _peak_of(command: list[str], code: str | None = None) -> tuple[float, int]:
    """Seconds and peak memory (MB) of a command in its own process: the peak is read
    by a small parent (os.wait4) so that other children of this run do not count."""
    probe = (
        "import os, sys, time\n"
        "start = time.perf_counter()\n"
        "pid = os.spawnv(os.P_NOWAIT, sys.argv[1], sys.argv[1:])\n"
        "_, status, usage = os.wait4(pid, 0)\n"
        "print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command],
        capture_output=True,
        text=True,
        env=code_env(code),
        cwd=tempfile.gettempdir(),
        check=True,
    )
    seconds, kb, code_ = done.stdout.splitlines()[-1].split()
    if int(code_) not in (0, 1):
        raise RuntimeError(f"{' '.join(command[:6])}… ended with {code_}")
    return float(seconds), int(kb) // 1024


def import_and_export(pages: int, repeat: int, work: Path, codes: dict) -> dict:
    """Import + first export of `pages` text pages for each code ({label: folder or
    None}), then Pelican and Python-Markdown alone on the same bodies; medians."""
    sources = work / "pages"
    paths = [str(p) for p in write_text_pages(sources, pages)]
    pelican_src = write_pelican_sources(work / "pelican", pages)
    (work / "pelican" / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    steps: dict[str, list[float]] = {}

    def note(step: str, seconds: float) -> None:
        steps.setdefault(step, []).append(seconds)

    for run in range(repeat):
        for label, code in codes.items():  # interleaved: the same load for each
            db = work / f"import-{label}-{run}.db"
            newsdesk("--db", str(db), "users", "add", "Lena Park", "--role", "reporter", code=code)
            newsdesk("--db", str(db), "users", "add", "Kai Web", "--role", "web", code=code)
            imported = newsdesk("--db", str(db), "import", *paths, "--as", "Lena Park", code=code)
            imported_cpu = last_cpu
            export = ["--db", str(db), "export", "--status", "draft", "--as", "Kai Web"]
            first = newsdesk(*export, "--out", str(work / f"site-{label}-{run}"), code=code)
            first_cpu = last_cpu
            again = newsdesk(*export, "--out", str(work / f"again-{label}-{run}"), code=code)
            note(f"{label}: CPU of import + first export", imported_cpu + first_cpu)
            note(f"{label}: CPU of unchanged to a new folder", last_cpu)
            _check_pages(work / f"site-{label}-{run}", pages)
            _check_pages(work / f"again-{label}-{run}", pages)
            note(f"{label}: import", imported)
            note(f"{label}: first export", first)
            note(f"{label}: import + first export", imported + first)
            note(f"{label}: unchanged to a new folder", again)
        # Next to the exports, so the disk is as they found it (how fast it creates
        # files varies tenfold with what it is still writing back).
        first_label, first_code = next(iter(codes.items()))
        written = work / f"again-{first_label}-{run}"
        note("the files alone", _files_alone(written, work / f"files-{run}"))
        note("the files alone: CPU", last_cpu)
        room = work / f"import-{first_label}-{run}.db"
        one = ["--db", str(room), "export", "1", "--as", "Kai Web"]
        note(
            f"{first_label}: one article's export",
            newsdesk(*one, "--out", str(work / f"one-{run}"), code=first_code),
        )
        note("the pages rendered alone: CPU", _render_alone(room, first_code))
        out = work / f"pelican-out-{run}"
        cpu = _children_cpu()
        start = time.perf_counter()
        subprocess.run(
            [
                str(Path(sys.executable).with_name("pelican")),
                str(pelican_src),
                "-o",
                str(out),
                "-s",
                str(work / "pelican" / "pelicanconf.py"),
                "-q",
            ],
            check=True,
            capture_output=True,
        )
        note("pelican: build", time.perf_counter() - start)
        note("pelican: CPU of build", _children_cpu() - cpu)
        note("python-markdown alone", _markdown_alone(sources))
        note("python-markdown alone: CPU", last_cpu)
    return {step: statistics.median(times) for step, times in steps.items()}


def _check_pages(folder: Path, count: int) -> None:
    """A figure counts only if the export wrote every article's page."""
    written = sum(1 for page in folder.glob("*.html") if page.name != "index.html")
    if written != count:
        raise RuntimeError(f"{folder.name}: {written} article pages written, not {count}")


def _markdown_alone(sources: Path) -> float:
    """Python-Markdown (through render_body) over the N bodies, in a fresh process."""
    code = (
        "import sys, time, pathlib\n"
        "from newsdesk.publish.importers.files import import_file\n"
        "from newsdesk.publish.markdown.pipeline import render_body\n"
        "from newsdesk.domain.site import SiteProfile\n"
        "from newsdesk.domain.credit_roles import CreditVocabulary\n"
        "site, vocabulary = SiteProfile(), CreditVocabulary()\n"
        "bodies = [import_file(str(p), site=site, vocabulary=vocabulary, known_people=[])"
        ".article.body for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))]\n"
        "start, cpu = time.perf_counter(), time.process_time()\n"
        "for body in bodies: render_body(body)\n"
        "print(time.perf_counter() - start, time.process_time() - cpu)\n"
    )
    return _timed_script(code, str(sources))


def _timed_script(code: str, *args: str, env: dict[str, str] | None = None) -> float:
    """Run `code` in a fresh interpreter; it prints its timed part's seconds and CPU
    seconds. Returns the seconds; the CPU seconds go to `last_cpu`."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
    )
    seconds, cpu = done.stdout.split()
    global last_cpu
    last_cpu = float(cpu)
    return float(seconds)


def _files_alone(written: Path, out: Path) -> float:
    """A fresh process writes every file of `written` anew under `out` (the bytes read
    first, untimed), then syncs once; the seconds of the writing and the sync."""
    code = (
        "import os, sys, time, pathlib\n"
        "source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])\n"
        "files = [(p.relative_to(source), p.read_bytes()) for p in sorted(source.rglob('*'))"
        " if p.is_file()]\n"
        "start, cpu = time.perf_counter(), time.process_time()\n"
        "for name, data in files:\n"
        "    target = out / name\n"
        "    target.parent.mkdir(parents=True, exist_ok=True)\n"
        "    target.write_bytes(data)\n"
        "os.sync()\n"
        "print(time.perf_counter() - start, time.process_time() - cpu)\n"
    )
    return _timed_script(code, str(written), str(out))


def _render_alone(db: Path, code: str | None) -> float:
    """CPU seconds of rendering every article's page of `db` through the site's
    template in one fresh process (the bodies converted first, untimed)."""
    script = (
        "import sys, time\n"
        "from newsdesk.newsroom import Newsroom\n"
        "from newsdesk.domain.query import ArticleQuery\n"
        "from newsdesk.publish.export.body_cache import RenderedBody\n"
        "from newsdesk.publish.export.file_bytes import render_file\n"
        "from newsdesk.publish.formats.page_html import default_templates\n"
        "room = Newsroom.open(sys.argv[1])\n"
        "articles = [room.article(i) for i in room.find(ArticleQuery(sort='id'))]\n"
        "site, vocabulary, templates = room.site(), room.vocabulary(), default_templates()\n"
        "bodies = [RenderedBody.of_markdown(a.body) for a in articles]\n"
        "pages = list(zip(articles, bodies))\n"
        "article, body = pages[0]  # the templates compile at the first page\n"
        "render_file('html', article, 'a.html', site, vocabulary, False, body, templates)\n"
        "start, cpu = time.perf_counter(), time.process_time()\n"
        "for article, body in pages:\n"
        "    render_file('html', article, 'a.html', site, vocabulary, False, body, templates)\n"
        "print(time.perf_counter() - start, time.process_time() - cpu)\n"
    )
    _timed_script(script, str(db), env=code_env(code))
    return last_cpu


def _site_fixture(cache: Path, size: int, code: str | None) -> Path:
    """The approved site of `size` articles, built by the code that will export it (an
    older newsdesk cannot open a newer schema)."""
    build = (
        "import sys, pathlib\n"
        "from benchmarks.newsroom_fixture import build_site, site_fixture_path\n"
        "size = int(sys.argv[2])\n"
        "print(build_site(site_fixture_path(pathlib.Path(sys.argv[1]), size), size))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", build, str(cache), str(size)],
        capture_output=True,
        text=True,
        env=code_env(code),
        cwd=tempfile.gettempdir(),
        check=True,
    )
    return Path(done.stdout.strip().splitlines()[-1])


def site_exports(size: int, repeat: int, work: Path, cache: Path, code: str | None) -> dict:
    """A whole-site export at `size` articles: first (bodies converted), to a new folder
    (bodies from the database), and a no-op re-export; peak memory of each."""
    db = work / f"site-{size}.db"
    shutil.copy(_site_fixture(cache, size, code), db)
    base = [sys.executable, "-m", "newsdesk", "--db", str(db), "export", "--as", "Kai Web"]
    first, first_mb = _peak_of([*base, "--out", str(work / f"out-{size}")], code)
    renewed, renewed_mb = _peak_of([*base, "--out", str(work / f"new-{size}")], code)
    _check_pages(work / f"out-{size}", size)
    _check_pages(work / f"new-{size}", size)
    noop = []
    noop_mb = 0
    for _ in range(repeat):
        seconds, mb = _peak_of([*base, "--out", str(work / f"out-{size}")], code)
        noop.append(seconds)
        noop_mb = max(noop_mb, mb)
    shutil.rmtree(work / f"out-{size}", ignore_errors=True)
    shutil.rmtree(work / f"new-{size}", ignore_errors=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return {
        "first export": first,
        "first export MB": first_mb,
        "unchanged to a new folder": renewed,
        "unchanged to a new folder MB": renewed_mb,
        "no-op re-export": statistics.median(noop),
        "no-op re-export MB": noop_mb,
    }


def compile_ahead(code: str | None) -> None:
    """The newsdesk in `code` (None: this checkout) compiled to bytecode beside its
    sources, as an install leaves it (PYTHONDONTWRITEBYTECODE keeps a run from doing it)."""
    package = Path(code) / "newsdesk" if code else ROOT / "newsdesk"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def run(args: argparse.Namespace) -> dict:
    """Every step of the export benchmark; the figures by section."""
    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-export-"))
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    codes = {"newsdesk": None, **({"before": args.before} if args.before else {})}
    for code in codes.values():
        compile_ahead(code)
    figures: dict = {}
    try:
        if args.pages:
            figures[f"{args.pages} pages"] = import_and_export(args.pages, args.repeat, work, codes)
            for step, seconds in figures[f"{args.pages} pages"].items():
                print(f"{args.pages:,} pages  {step:40} {seconds:7.2f} s", flush=True)
        runs = [(size, "newsdesk", None) for size in _sizes(args.sizes)]
        if args.before:
            runs += [(size, "before", args.before) for size in _sizes(args.before_sizes)]
        for size, label, code in runs:
            key = f"{label}: {size} articles"
            figures[key] = site_exports(size, args.repeat, work, cache, code)
            for step, value in figures[key].items():
                unit = "MB" if step.endswith("MB") else "s"
                print(f"{key:28} {step:28} {value:7.2f} {unit}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def _sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", help="a folder with an older newsdesk package")
    parser.add_argument("--before-sizes", default="10000")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-bench"))
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    figures = run(args)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
