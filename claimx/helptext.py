"""How every command's ``--help`` reads: click's plain layout (short lines wrapped between
words, a paragraph after "\\b" printed as written, examples first), each option with the
metavar a user types (``-f, --format FORMAT``, ``--engine local|dask``), a flag bare or as
``--flag / --no-flag``, never a Python type (``<bool>``, ``<list[str]>``) or one of click's
type names (``TEXT``, ``BOOLEAN``); and a usage error on one line, as every other message."""
from __future__ import annotations

import typer


def metavar(param) -> str:
    """What stands after an option (or for an argument) in the help: its own metavar, the
    choices of a choice (``local|dask``), else its name in capitals."""
    if param.metavar:
        return param.metavar
    # typer's own parameters describe their type (typer 0.2x), click's have a type (older typer)
    described = getattr(param, "type_descriptor", None) or getattr(param, "type", None)
    choices = getattr(described, "choices", None)
    if choices:
        return "|".join(str(getattr(c, "value", c)) for c in choices)
    return (param.name or "value").upper()


def _joined(opts) -> str:
    return ", ".join(sorted(opts, key=lambda opt: opt.startswith("--")))  # -f, --format


def option_names(param) -> str:
    """``-f, --format FORMAT``, ``--resume``, ``--beliefs / --no-beliefs``."""
    names = _joined(param.opts)
    if param.secondary_opts:
        names += " / " + _joined(param.secondary_opts)
    if not param.is_flag and not param.count:
        names += " " + metavar(param)
    return names


def _argument_name(param) -> str:
    name = metavar(param)
    return name if param.nargs == 1 or name.endswith("...") else name + "..."


def _one_line(error, command_path: str) -> None:
    """Make click's usage error ``error`` print one line on standard error, as claimx's own
    errors do, rather than the usage, a hint and the error on four. Known by its look: it is
    typer's own click's (typer 0.2x) or click's."""
    if getattr(error, "exit_code", None) != 2 or not hasattr(error, "format_message") \
            or type(error).__name__ == "NoArgsIsHelpError":  # that one shows the help
        return

    def show(file=None) -> None:
        message = error.format_message().rstrip(".").replace("Value error, ", "")
        typer.echo(f"claimx: error: {message} (see {command_path} -h)", err=file is None, file=file)
    error.show = show


class _OneLineUsageErrors:
    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except Exception as exc:
            _one_line(exc, " ".join(filter(None, [parent and parent.command_path, info_name])))
            raise


class Command(_OneLineUsageErrors, typer.core.TyperCommand):
    """A command with plain help that names its arguments in the usage line (``PATH...``),
    lists those with a help text, and lists the options with their metavars; a usage error is
    one line."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rich_markup_mode = None

    def collect_usage_pieces(self, ctx) -> list[str]:
        return [self.options_metavar or ""] + [
            _argument_name(p) for p in self.get_params(ctx) if p.param_type_name == "argument"]

    def format_options(self, ctx, formatter) -> None:
        arguments = [(_argument_name(p), p.help) for p in self.get_params(ctx)
                     if p.param_type_name == "argument" and getattr(p, "help", None)]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        options = [(option_names(p), record[1]) for p in self.get_params(ctx)
                   if p.param_type_name == "option"
                   for record in [p.get_help_record(ctx)] if record is not None]
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


class Group(_OneLineUsageErrors, typer.core.TyperGroup):
    """``claimx --help`` in plain text too, examples first; a usage error is one line."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rich_markup_mode = None

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except Exception as exc:  # no such command
            _one_line(exc, ctx.command_path)
            raise
