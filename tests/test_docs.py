"""The README stays true: its commands are the ones CI runs, and every option is documented."""
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start_commands():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_two_commands():
    install_and_run, test = _quick_start_commands()
    assert "pip install ." in install_and_run and "claimx extract samples/" in install_and_run
    assert "[test]" in test and "pytest" in test


def test_ci_runs_the_readme_test_command():
    _, test = _quick_start_commands()
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["extract", "show", "speakers", "outlets", "report"])
def test_every_option_is_in_the_readme(command):
    help_text = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
    options = set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}
    assert options
    missing = sorted(o for o in options if f"`{o}" not in README and f" {o}" not in README)
    assert not missing, f"document these options of claimx {command} in README.md: {missing}"
    assert f"claimx {command} " in README


def test_ci_installs_the_browser_before_the_tests():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    _, test = _quick_start_commands()
    assert "apt-get install" in run and "chromium-driver" in run
    assert run.index("chromium-driver") < run.index(test)
