"""diff, revert, comment, --override and --waiting on the command line."""

from __future__ import annotations

import json

from tests.cli.test_cli_workflow import PAGE


def _imported(cli, tmp_path) -> str:
    path = tmp_path / "story.txt"
    path.write_text(PAGE, encoding="utf-8")
    code, out, err = cli("import", str(path), "--as", "Nadia Rahman")
    assert code == 0, err
    return out.split("\t")[0]


def test_diff_and_revert(cli, tmp_path):
    article_id = _imported(cli, tmp_path)
    changed = tmp_path / "changed.txt"
    changed.write_text(PAGE.replace("Three night bus lines", "Four night bus lines"), "utf-8")
    assert cli("import", str(changed), "--into", article_id, "--as", "Nadia Rahman")[0] == 0
    code, out, _ = cli("diff", article_id, "1", "2")
    assert code == 0
    assert "-Three night bus lines" in out and "+Four night bus lines" in out
    code, out, _ = cli("revert", article_id, "1", "--as", "Nadia Rahman")
    assert code == 0 and "revision 3" in out
    body = json.loads(cli("show", article_id, "--json")[1])["body"]
    assert body.startswith("Three night bus lines")
    assert cli("diff", article_id, "1", "9")[0] == 1


def test_comments_show_in_history(cli, tmp_path):
    article_id = _imported(cli, tmp_path)
    code, out, _ = cli("comment", article_id, "Check the fares", "--as", "Felix Ortner")
    assert code == 0
    comment_id = out.split("\t")[0]
    assert (
        cli("comment", article_id, "Done", "--reply-to", comment_id, "--as", "Nadia Rahman")[0] == 0
    )
    history = json.loads(cli("history", article_id, "--json")[1])
    assert [c["text"] for c in history["comments"]] == ["Check the fares", "Done"]
    assert history["comments"][1]["parent_id"] == int(comment_id)


def test_submit_refusal_names_failed_checks_and_producer_overrides(cli, tmp_path):
    path = tmp_path / "no-reporter.txt"
    path.write_text(PAGE.replace("Reporter丨Nadia Rahman\n\n", ""), encoding="utf-8")
    article_id = cli("import", str(path), "--as", "Nadia Rahman")[1].split("\t")[0]
    code, _, err = cli("submit", article_id, "--as", "Nadia Rahman")
    assert code == 1
    assert "reporter-credited" in err and "no Reporter is credited" in err
    code, _, err = cli("submit", article_id, "--as", "Nadia Rahman", "--override", "wire copy")
    assert code == 1 and "override-needs-producer" in err
    code, _out, err = cli("submit", article_id, "--as", "Felix Ortner", "--override", "wire copy")
    assert code == 0, err
    events = json.loads(cli("history", article_id, "--json")[1])["events"]
    assert "override: wire copy" in events[-1]["comment"]


def test_waiting_list(cli, tmp_path):
    article_id = _imported(cli, tmp_path)
    assert cli("submit", article_id, "--as", "Nadia Rahman")[0] == 0
    _code, out, _ = cli("list", "--waiting", "--as", "Felix Ortner", "--json")
    assert [a["id"] for a in json.loads(out)] == [int(article_id)]
    assert json.loads(cli("list", "--waiting", "--as", "Kai Web", "--json")[1]) == []
