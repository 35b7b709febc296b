import pytest

import claimx


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files in samples/ from claimx's current output")


@pytest.fixture(scope="session")
def nlp():
    return claimx.load_pipeline()


@pytest.fixture(scope="session")
def claims_of(nlp):
    """``claims_of(text)``: the claims claimx finds in ``text``."""
    return lambda text: nlp(text)._.claims


@pytest.fixture(autouse=True)
def _no_user_defaults(monkeypatch):
    """A user's own CLAIMX_* defaults (claimx --help lists them) must not change the tests."""
    import os
    for name in [n for n in os.environ if n.startswith("CLAIMX_")]:
        monkeypatch.delenv(name)
