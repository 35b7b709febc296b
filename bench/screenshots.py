"""Screenshots of claimx's views, for review by eye: the terminal table and ``show`` (recorded by
rich at 80 columns and exported as SVG), and the HTML report, each photographed by a headless
Chromium as PNG.

    python bench/screenshots.py                       # the bundled sample
    python bench/screenshots.py claims.jsonl --out /tmp/shots

Writes into ``--out`` (default ``build/screenshots/``): table.svg/.png, show.svg/.png,
report.html, report.png (the top of the page), report-articles.png (an article, a highlight
clicked) and report-filtered.png (the claim list filtered by a speaker). Needs Debian's
chromium and chromium-driver (and selenium); without them only the SVG and HTML files are
written."""
from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from rich.console import Console  # noqa: E402

from claimx.pipeline import load_pipeline  # noqa: E402
from claimx.views.article import article_view  # noqa: E402
from claimx.views.report import build_report  # noqa: E402
from claimx.views.results import Loader  # noqa: E402
from claimx.views.table import document_view  # noqa: E402
from helpers import chromium_missing, start_chromium  # noqa: E402

SAMPLE = ROOT / "samples" / "pakistan-afghanistan-talks.txt"


def terminal_svg(renderable, title: str) -> str:
    console = Console(record=True, width=80, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor")
    console.print(renderable)
    return console.export_svg(title=title)


def _at_natural_size(svg: str) -> str:
    """An HTML page showing ``svg`` at the width of its view box (alone, a browser scales an
    SVG to fit its window, which makes a long terminal recording unreadably small)."""
    width = re.search(r'viewBox="0 0 ([0-9.]+)', svg).group(1)
    return (f'<!DOCTYPE html><html><body style="margin:0;background:#fff">'
            f'<div style="width:{width}px">{svg}</div></body></html>')


def photograph(driver, url: str, path: Path, width: int, full: bool = True) -> None:
    driver.set_window_size(width, 900)
    driver.get(url)
    time.sleep(0.3)
    if full:  # the viewport itself, not the window around it, as tall as the page
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": min(max(height, 300), 16000), "deviceScaleFactor": 1,
            "mobile": False})
        time.sleep(0.2)
    driver.save_screenshot(str(path))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def report_shots(driver, report: Path, out: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    photograph(driver, report.as_uri(), out / "report.png", 1280, full=False)
    mark = driver.find_elements(By.CSS_SELECTOR, "mark.claim")[len(driver.find_elements(
        By.CSS_SELECTOR, "mark.claim")) // 2]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    time.sleep(0.2)
    driver.save_screenshot(str(out / "report-articles.png"))
    driver.get(report.as_uri())
    select = Select(driver.find_element(By.ID, "filter-speaker"))
    select.select_by_index(1)
    driver.execute_script("document.getElementById('claims').scrollIntoView()")
    time.sleep(0.2)
    driver.save_screenshot(str(out / "report-filtered.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(SAMPLE)],
                        help="articles or claimx results (default: the bundled sample)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    documents = list(Loader(load_pipeline, lambda m: print(m, file=sys.stderr), need_text=True)(args.paths))
    if not documents:
        sys.exit("nothing to show: check the paths")
    first = documents[0]
    files = {"table.svg": terminal_svg(document_view(first), f"claimx extract {first.source}"),
             "show.svg": terminal_svg(article_view(first), f"claimx show {first.source}"),
             "report.html": build_report(documents)}
    for name, content in files.items():
        (args.out / name).write_text(content, encoding="utf-8")
    why_not = chromium_missing()
    if why_not:
        print(f"wrote the SVG and HTML files to {args.out}; no PNG: {why_not}", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(profile)
        try:
            for name in ("table", "show"):
                page = args.out / f"{name}.svg.html"
                page.write_text(_at_natural_size(files[f"{name}.svg"]), encoding="utf-8")
                photograph(driver, page.resolve().as_uri(), args.out / f"{name}.png", 1020)
                page.unlink()
            report_shots(driver, (args.out / "report.html").resolve(), args.out)
        finally:
            driver.quit()
    print(f"wrote {', '.join(sorted(p.name for p in args.out.iterdir()))} to {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
