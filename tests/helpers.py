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


# ------------------------------------------------------------ hand-built parses
def parsed(text: str, rows: str):
    """A spaCy Doc of ``text`` parsed as ``rows`` say, built without a trained model (as spaCy's
    own tests build them), so that a test pins claimx's logic and not the parser's quirks.

    One row per token: ``index word head dep pos tag lemma ent``, where ``head`` is the absolute
    index of the head, ``ent`` an IOB tag ("B-PERSON", "I-PERSON", "O") and a word ``\\n`` a line
    break. The words must spell ``text``: the spaces between them are read from it.
    """
    from spacy.tokens import Doc

    table = [line.split() for line in rows.strip().splitlines() if line.strip()]
    for n, cols in enumerate(table):
        assert len(cols) == 8 and int(cols[0]) == n, f"row {n} of the parse: {cols}"
    words = [c[1].replace("\\n", "\n") for c in table]
    spaces, at = [], 0
    for w in words:
        assert text.startswith(w, at), f"{w!r} does not stand at {at} in {text!r}"
        at += len(w)
        spaces.append(text[at:at + 1] == " " and not w.isspace())
        at += spaces[-1]
    assert at == len(text), f"the words stop at {at} of {len(text)} characters"
    doc = Doc(_vocab(), words=words, spaces=spaces, heads=[int(c[2]) for c in table],
              deps=[c[3] for c in table], pos=[c[4] for c in table], tags=[c[5] for c in table],
              lemmas=[c[6].replace("\\n", "\n") for c in table], ents=[c[7] for c in table])
    assert doc.text == text
    return doc


def _vocab():
    global _VOCAB
    if _VOCAB is None:
        import spacy
        _VOCAB = spacy.blank("en").vocab  # English lexical attributes (is_punct...), no model
    return _VOCAB


_VOCAB = None


def claims(doc, **options):
    """The claims claimx extracts from a hand-built ``doc``."""
    from claimx import lexicon
    from claimx.extraction import extract_claims

    return extract_claims(doc, lexicon.load(), **options)


def context(doc, **options):
    """The :class:`claimx.context.Context` the rules read of ``doc``."""
    from claimx import lexicon
    from claimx.context import Context

    return Context(doc, lexicon.load(), **options)


def drafts(doc, **options):
    """The drafts the rules find in ``doc``, in text order."""
    from claimx.rules import find_drafts

    return find_drafts(context(doc, **options))[0]


def text_of(doc, d) -> str:
    return doc.text[d.start:d.end]


# ------------------------------------------------------------ a headless browser
#: Where Debian's chromium-driver puts the driver: given explicitly, so that Selenium Manager
#: never downloads one.
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage")


def chromium_missing():
    """Why a browser test cannot run here (None when it can)."""
    import os
    import shutil

    if not os.path.exists(CHROMEDRIVER):
        return f"no {CHROMEDRIVER}: apt-get install chromium chromium-driver"
    if not (shutil.which("chromium") or os.path.exists("/usr/bin/chromium")):
        return "no chromium: apt-get install chromium chromium-driver"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install '.[test]'"
    return None


def start_chromium(user_data_dir, width=1200, height=900):
    """A headless Chromium driven by Selenium, with a fresh profile in ``user_data_dir``, that
    fetches nothing by itself; its console messages are kept (``driver.get_log("browser")``)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={user_data_dir}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
