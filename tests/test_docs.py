"""The README stays true: its commands are the ones CI runs, every option of every command is
documented, every example command runs, and the Python names it documents are the ones claimx
exports."""
import re
import shlex
import shutil
import types
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import claimx
from claimx.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLES = ROOT / "samples"


def _section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def _quick_start_commands():
    return re.findall(r"```sh\n(.+?)\n```", _section("Quick start"))


def test_quick_start_has_two_commands():
    install_and_run, test = _quick_start_commands()
    assert "pip install ." in install_and_run and "claimx extract samples/" in install_and_run
    assert "[test]" in test and "pytest" in test


def test_ci_runs_the_readme_test_command():
    _, test = _quick_start_commands()
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("command", [None, *_commands()])
def test_every_option_of_every_command_is_in_the_readme(command):
    args = ["--help"] if command is None else [command, "--help"]
    help_text = CliRunner().invoke(app, args, env={"COLUMNS": "200"}).stdout
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", help_text)) - {"--help"}
    if command == "extract":
        assert options
    missing = sorted(o for o in options if f"`{o}" not in README and f" {o}" not in README)
    assert not missing, f"document these options of {command or 'claimx'} in README.md: {missing}"
    if command is not None:
        assert f"claimx {command}" in README


def test_ci_installs_the_browser_before_the_tests():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    _, test = _quick_start_commands()
    assert "apt-get install" in run and "chromium-driver" in run
    assert run.index("chromium-driver") < run.index(test)


# --- every example command in the README runs ----------------------------------------------------

# Examples that cannot run in a test, and why. Every other `claimx` line of a ```sh block outside
# Quick start (which installs claimx) runs, in order, in one temporary folder.
NEEDS = {"--scheduler": "a Dask cluster to connect to", "xdg-open": "a browser",
         "--open": "a browser"}


def _example_lines() -> list[str]:
    lines = []
    for title in re.findall(r"\n## (.+)\n", README):
        if title == "Quick start":
            continue
        for block in re.findall(r"```sh\n(.*?)```", _section(title), flags=re.S):
            lines += [line for line in block.splitlines() if re.match(r"(cat \S+ \| )?claimx ", line)]
    return lines


@pytest.fixture
def newsroom(tmp_path, monkeypatch) -> Path:
    """A folder with what the examples name: article.txt, page.html and articles/."""
    shutil.copy(SAMPLES / "pakistan-afghanistan-talks.txt", tmp_path / "article.txt")
    shutil.copy(SAMPLES / "pakistan-afghanistan-talks.html", tmp_path / "page.html")
    (tmp_path / "articles" / "2024").mkdir(parents=True)
    shutil.copy(SAMPLES / "pakistan-afghanistan-talks.txt", tmp_path / "articles" / "talks.txt")
    shutil.copy(SAMPLES / "pakistan-afghanistan-talks.html",
                tmp_path / "articles" / "2024" / "talks-page.html")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(line: str):
    """Run one example line in-process: ``cat FILE |`` becomes standard input, ``> FILE`` a
    file written with standard output, and a pipe into a pager (``| less -R``) is left out."""
    words = shlex.split(line, comments=True)
    stdin = stdout_to = None
    if words[0] == "cat":
        name, bar = words[1:3]
        assert bar == "|", line
        stdin, words = Path(name).read_bytes(), words[3:]
    if "|" in words:
        words = words[:words.index("|")]
    if ">" in words:
        stdout_to, words = words[words.index(">") + 1], words[:words.index(">")]
    assert words[0] == "claimx", line
    result = CliRunner().invoke(app, words[1:], input=stdin)
    if stdout_to:
        Path(stdout_to).write_text(result.stdout, encoding="utf-8")
    return result


def test_every_example_command_in_the_readme_runs(newsroom):
    lines = _example_lines()
    assert any("claimx extract article.txt" in line for line in lines)
    ran = 0
    for line in lines:
        if any(word in line for word in NEEDS):
            continue
        result = _run(line)
        assert result.exit_code == 0, f"{line}\n{result.stderr}"
        assert "Traceback" not in result.stderr, line
        ran += 1
    assert ran >= len(lines) - sum(any(w in line for w in NEEDS) for line in lines) > 5
    assert (newsroom / "claims.jsonl").read_text(encoding="utf-8").count("\n") == 2


# --- the Python names ----------------------------------------------------------------------------


def test_the_names_claimx_exports_are_the_ones_the_readme_documents():
    section = _section("From Python")
    documented = set(re.findall(r"\bclaimx\.([A-Za-z_]\w*)", section))
    modules = {name for name in documented if isinstance(getattr(claimx, name, None), types.ModuleType)}
    exported = {name for name in dir(claimx) if not name.startswith("__")
                and not isinstance(getattr(claimx, name), types.ModuleType)}
    assert exported == documented - modules - {"__version__"}
    assert set(claimx.__all__) == exported
