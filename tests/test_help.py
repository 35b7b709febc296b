"""Every command's --help reads as a user types the command: each option with the word that
stands for its value (``-f, --format FORMAT``), a flag bare (``--resume``) or with its other
half (``--beliefs / --no-beliefs``), and no Python type (``<bool>``, ``<list[str]>``) or
click type name (``TEXT``, ``BOOLEAN``) where that word is meant."""
import re

import pytest
import typer
from typer.testing import CliRunner

from claimx.cli import app

COMMAND = typer.main.get_command(app)
COMMANDS = sorted(COMMAND.commands)
RAW_TYPES = re.compile(r"<[a-z][\w\[\]|, ]*>|\b(?:BOOLEAN|TEXT|INTEGER|FLOAT|FILENAME|CHOICE)\b"
                       r"|\{[A-Z]+(?:\.\.\.)?\}|[╭│╰]")


def help_of(command=None, columns=80) -> str:
    args = ["--help"] if command is None else [command, "--help"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_there_are_commands_to_check():
    assert {"extract", "show", "speakers", "outlets", "report", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("columns", [80, 200])
@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_no_raw_type_names_and_lines_fit(command, columns):
    text = help_of(command, columns)
    assert not RAW_TYPES.findall(text), f"claimx {command or ''} --help: {RAW_TYPES.findall(text)}"
    assert max(map(len, text.splitlines())) <= columns
    assert text.startswith("Usage: claimx")


def _option_lines(text: str) -> dict:
    """The first line of each option in the Options section, by its long name."""
    section = text.split("\nOptions:\n", 1)[1]
    return {re.search(r"--[\w-]+", line).group(): line.strip() for line in section.splitlines()
            if re.match(r"  -", line)}


@pytest.mark.parametrize("command", COMMANDS)
def test_each_option_shows_what_a_user_types(command):
    lines = _option_lines(help_of(command, 200))
    for param in COMMAND.commands[command].params:
        if param.param_type_name != "option" or param.hidden:
            continue
        long = next(o for o in param.opts if o.startswith("--"))
        names = lines[long].split("  ")[0]  # the names column ends where the help begins
        if param.is_flag and param.secondary_opts:
            assert re.fullmatch(rf"{long} / --[\w-]+", names), names
        elif param.is_flag:
            assert re.fullmatch(rf"(-\w, )?{long}", names), names
        else:  # a metavar in capitals, or the choices
            assert re.fullmatch(rf"(-\w, )?{long} ([A-Z][A-Z/|.]*(\|[a-z]+)?|[a-z]+(\|[a-z]+)+)", names), names


@pytest.mark.parametrize("command", COMMANDS)
def test_each_default_is_said_once(command):
    for line in re.split(r"\n  (?=-)", help_of(command, 200)):
        assert line.count("default:") <= 1, line


def test_a_view_command_names_its_argument_and_says_what_it_is():
    text = help_of("show")
    assert text.splitlines()[0] == "Usage: claimx show [OPTIONS] ARTICLE..."
    assert re.search(r"Arguments:\n  ARTICLE\.\.\.  Articles", text)
    assert "--color / --no-color" in text and "Examples:\n    claimx show article.txt" in text


def test_claimx_help_lists_each_command_with_a_whole_sentence():
    text = help_of(None, 80)
    listed = text.split("\nCommands:\n", 1)[1]
    assert "..." not in listed  # nothing cut short
    assert all(re.search(rf"^  {name} +\S", listed, re.M) for name in COMMANDS)
