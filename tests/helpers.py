"""Checks and set-up the tests share."""


def assert_spans_point_into(text: str, claims) -> None:
    for c in claims:
        for start, end in [(c.content.start, c.content.end), (c.cue.start, c.cue.end)]:
            assert 0 <= start <= end <= len(text)
        assert text[c.content.start:c.content.end] == c.content.text
        assert text[c.cue.start:c.cue.end] == c.cue.text
        if c.speaker is not None:
            assert text[c.speaker.start:c.speaker.end] == c.speaker.mention
        if c.outlet is not None:
            assert text[c.outlet.start:c.outlet.end] == c.outlet.mention


def python_env() -> dict:
    """The environment for a child Python that imports the same claimx as this test run."""
    import os
    from pathlib import Path

    import claimx

    env = dict(os.environ)
    package_root = str(Path(claimx.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    env.pop("NO_COLOR", None)
    return env


def extract(*args, input=None, env=None):
    """Run ``claimx extract ARGS...`` in-process and check it ended without a Python crash."""
    from typer.testing import CliRunner

    from claimx.cli import app

    result = CliRunner().invoke(app, ["extract", *map(str, args)], input=input, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.stderr
    return result
