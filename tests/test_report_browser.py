"""The report in a real browser: Debian's headless Chromium, driven by Selenium through
/usr/bin/chromedriver (nothing downloaded). CI installs both (.ci/run)."""
from pathlib import Path

import pytest

from claimx.schema import Document
from claimx.views.report import build_report
from helpers import chromium_missing, start_chromium

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "pakistan-afghanistan-talks.txt"
OTHER = "Reuters reported that the talks had failed. Khawaja Asif said that peace would come.\n"

pytestmark = pytest.mark.skipif(chromium_missing() is not None,
                                reason=f"needs a headless browser: {chromium_missing()}")


@pytest.fixture(scope="module")
def documents(nlp):
    text = SAMPLE.read_text(encoding="utf-8")
    return [Document("samples/pakistan-afghanistan-talks.txt", nlp(text)._.claims, text),
            Document("other.txt", nlp(OTHER)._.claims, OTHER)]


@pytest.fixture(scope="module")
def browser(documents, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    page = folder / "report.html"
    page.write_text(build_report(documents), encoding="utf-8")
    driver = start_chromium(folder / "profile")
    try:
        driver.get(page.as_uri())
        yield driver
    finally:
        driver.quit()


def _visible_items(driver):
    from selenium.webdriver.common.by import By
    return [li for li in driver.find_elements(By.CSS_SELECTOR, "#claim-list .claim-item")
            if li.is_displayed()]


def test_page_loads_without_console_errors(browser):
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    assert browser.title == "claimx report"


def test_page_shows_every_claim(browser, documents):
    from selenium.webdriver.common.by import By
    n = sum(len(d.claims) for d in documents)
    assert len(_visible_items(browser)) == n
    assert browser.find_element(By.ID, "claim-count").text == f"{n} of {n} claims"
    assert len(browser.find_elements(By.CSS_SELECTOR, "mark.claim")) >= n


def test_a_filter_hides_and_shows_claims(browser, documents):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    n = sum(len(d.claims) for d in documents)
    speaker = Select(browser.find_element(By.ID, "filter-speaker"))
    speaker.select_by_value("Khawaja Asif")
    shown = _visible_items(browser)
    asif = sum(1 for d in documents for c in d.claims
               if c.speaker and c.speaker.name == "Khawaja Asif")
    assert len(shown) == asif and 0 < asif < n
    assert {li.get_attribute("data-speaker") for li in shown} == {"Khawaja Asif"}
    kind = Select(browser.find_element(By.ID, "filter-type"))
    kind.select_by_value("mixed")  # both filters at once
    assert all(li.get_attribute("data-type") == "mixed" for li in _visible_items(browser))
    assert len(_visible_items(browser)) < asif
    kind.select_by_value("")
    speaker.select_by_value("")
    assert len(_visible_items(browser)) == n
    assert browser.find_element(By.ID, "claim-count").text == f"{n} of {n} claims"


def test_clicking_a_highlight_reveals_its_speaker(browser):
    from selenium.webdriver.common.by import By
    info = browser.find_element(By.ID, "claim-info")
    assert not info.is_displayed()
    for speaker in ("Khawaja Asif", "Donald Trump"):
        mark = browser.find_element(By.CSS_SELECTOR, f'mark.claim[data-speaker="{speaker}"]')
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        mark.click()
        assert info.is_displayed()
        assert info.find_element(By.CSS_SELECTOR, "h4").text == speaker
        assert "cue" in info.text
    info.find_element(By.CSS_SELECTOR, "button.close").click()
    assert not info.is_displayed()
