"""``course roleplay`` on the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from salesplaybook.cli import main


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_course_roleplay_writes_the_kit(tmp_path: Path) -> None:
    out = tmp_path / "kit"
    result = run("course", "roleplay", "price_too_high", "--out", str(out), "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["roleplay-kit.html", "roleplay-scoring.csv"]
    assert 'lang="zh-CN"' in (out / "roleplay-kit.html").read_text("utf-8")
    assert "price_too_high" in (out / "roleplay-scoring.csv").read_text("utf-8-sig")
    assert "1 scenario in" in result.stderr


def test_course_roleplay_counts_a_tracks_scenarios(tmp_path: Path, playbook) -> None:
    from salesplaybook.course.roleplay import roleplay_kit

    result = run("course", "roleplay", "growing", "--out", str(tmp_path / "kit"))
    assert result.exit_code == 0, result.output
    count = len(roleplay_kit(playbook, "growing").scenarios)
    assert count > 1
    assert f"{count} scenarios in" in result.stderr


def test_course_roleplay_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("mine")
    result = run("course", "roleplay", "growing", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "--force" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]
    forced = run("course", "roleplay", "growing", "--out", str(tmp_path), "--force")
    assert forced.exit_code == 0, forced.output
    assert (tmp_path / "mine.txt").read_text() == "mine"
    assert (tmp_path / "roleplay-kit.html").exists()


def test_course_roleplay_suggests_the_closest_id(tmp_path: Path) -> None:
    result = run("course", "roleplay", "newcomr", "--out", str(tmp_path / "k"))
    assert result.exit_code != 0
    assert "did you mean 'newcomer'" in result.output
    assert not (tmp_path / "k").exists()
