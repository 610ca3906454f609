#!/usr/bin/env python3
"""Opens every page of a built report in headless Chromium, at 1280 and 390 px, and reports what a
reader would run into: console errors, images that do not load, internal links or #anchors that do
not resolve, <math> that is not laid out (zero size, fractions not stacked), content that scrolls
sideways, and a search box that finds nothing for a word that is on the page.

Usage: python3 Tests/Browser/check_report.py OUTPUT_DIR [--screenshots DIR]
Prints one line per failure ("page.html@1280: what went wrong") and exits 1 if there was any.
Needs chromium, chromedriver and selenium (scripts/setup-browser.sh installs them).
"""
import argparse
import functools
import re
import shutil
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

# Viewport sizes; the narrow one is emulated as a phone (honours <meta name="viewport">).
VIEWPORTS = {1280: 900, 390: 844}
MAX_SCREENSHOT_HEIGHT = 6000

# Describes an element for a failure line: tag#id.class "first words of its text".
DESCRIBE_JS = """
window.__describe = el => {
  let s = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
  if (el.classList && el.classList.length) s += '.' + [...el.classList].join('.');
  const text = (el.textContent || '').replace(/\\s+/g, ' ').trim();
  return text ? s + ' "' + text.slice(0, 40) + (text.length > 40 ? '…' : '') + '"' : s;
};
"""


def start_browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--force-device-scale-factor=1"):
        options.add_argument(flag)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = shutil.which("chromedriver")
    service = Service(driver_path) if driver_path else Service()
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    return driver


def set_viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})


def wait_until(driver, script, seconds):
    """Polls a JS expression until it is truthy; returns its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = driver.execute_script("return " + script)
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


# ---------------------------------------------------------------- static (parsed) page facts

class PageFacts(HTMLParser):
    """What the page's HTML says, before any script runs: its ids (and <a name>s), for #fragment
    links, and whether it has the search box."""

    def __init__(self, path):
        super().__init__()
        self.ids, self.has_search = set(), False
        self.feed(path.read_text(encoding="utf-8", errors="replace"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        self.has_search |= tag == "input" and attrs.get("id") == "search"


_facts = {}


def facts(path):
    if path not in _facts:
        _facts[path] = PageFacts(path)
    return _facts[path]


# ---------------------------------------------------------------- checks: each returns failures

def check_console(driver):
    counts = {}  # message -> times logged, in first-seen order (a keystroke may log one each)
    for entry in driver.get_log("browser"):
        if entry["level"] == "SEVERE":
            counts[entry["message"]] = counts.get(entry["message"], 0) + 1
    return [f"console error: {message}" + (f" (x{n})" if n > 1 else "") for message, n in counts.items()]


def check_images(driver):
    # Lazy images below the fold would never load in a fixed viewport: load them all, then wait.
    driver.execute_script("for (const i of document.images) i.loading = 'eager';")
    wait_until(driver, "[...document.images].every(i => i.complete)", 5)
    broken = driver.execute_script(
        "return [...document.images].filter(i => !(i.complete && i.naturalWidth > 0))"
        ".map(i => i.getAttribute('src'))")
    return [f"image does not load (img src={src!r})" for src in broken]


def check_links(driver, page, root):
    failures = []
    hrefs = driver.execute_script(
        "return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    for href in sorted(set(hrefs)):
        url = urlsplit(href.strip())
        if url.scheme or url.netloc:
            continue  # external (http:, mailto:, ...): not ours to check offline
        target = (page.parent / unquote(url.path)).resolve() if url.path else page
        if root not in target.parents and target != root:
            failures.append(f"link leaves the report (a href={href!r})")
        elif not target.is_file():
            failures.append(f"link to a missing file (a href={href!r})")
        elif url.fragment and url.fragment.lower() != "top" and target.suffix == ".html" \
                and unquote(url.fragment) not in facts(target).ids:
            failures.append(f"anchor #{url.fragment} not found in {target.name} (a href={href!r})")
    return failures


def check_math(driver):
    return driver.execute_script("""
      const failures = [];
      for (const m of document.querySelectorAll('math')) {
        if (m.parentElement && !m.parentElement.checkVisibility()) continue;  // inside hidden content
        const r = m.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) failures.push('math has zero size (' + __describe(m) + ')');
      }
      for (const f of document.querySelectorAll('mfrac')) {
        if (f.children.length !== 2 || !f.checkVisibility()) continue;
        const num = f.children[0].getBoundingClientRect(), den = f.children[1].getBoundingClientRect();
        if (num.bottom > den.top + 1)
          failures.push('fraction not stacked: numerator bottom ' + Math.round(num.bottom) +
                        ' > denominator top ' + Math.round(den.top) + ' (' + __describe(f) + ')');
      }
      return failures;""")


def check_sideways(driver, width):
    """The page must never scroll sideways; at 1280 no inner box may need sideways scrolling either."""
    doc_scroll, doc_width = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    failures = []
    if doc_width > width:
        failures.append(f"page is laid out {doc_width} px wide, not for a {width} px screen"
                        " (missing <meta name=viewport>?)")
    if doc_scroll > doc_width:
        culprits = driver.execute_script("""
          const w = document.documentElement.clientWidth;
          return [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > w + 1 &&
                         !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1))
            .slice(0, 3).map(__describe);""")
        failures.append(f"page scrolls sideways: {doc_scroll} px content in {doc_width} px"
                        f" (widest: {'; '.join(culprits) or '?'})")
    if width >= 1000:
        boxes = driver.execute_script("""
          return [...document.querySelectorAll('*')].filter(e => {
            const o = getComputedStyle(e).overflowX;
            return (o === 'auto' || o === 'scroll') && e.scrollWidth > e.clientWidth + 1
                   && e !== document.documentElement && e !== document.body;
          }).map(e => [__describe(e), e.scrollWidth, e.clientWidth]);""")
        failures += [f"box scrolls sideways: {sw} px content in {cw} px ({what})"
                     for what, sw, cw in boxes]
    return failures


def search_word(driver):
    """The longest word of 6+ letters in the first paragraph of <main> that has one (else in all of
    <main>: a contents page may have no paragraph)."""
    texts = driver.execute_script("""
      const main = document.querySelector('main');
      return main ? [...main.querySelectorAll('p')].map(p => p.innerText).concat(main.innerText) : [];""")
    for text in texts:
        words = re.findall(r"[^\W\d_]{6,}", text)
        if words:
            return max(words, key=len)
    return None


SEARCH_VISIBLE = "document.querySelector('input#search').checkVisibility()"
# What a reader would tap to bring up a search box hidden in a menu (e.g. "☰ Contents" on a phone).
MENU_CONTROLS = "label[for], button[aria-controls], button[aria-expanded='false'], summary"


def reveal_search(driver):
    """True once input#search is visible, opening menus (visible controls, one at a time) if needed."""
    if wait_until(driver, SEARCH_VISIBLE, 2):
        return True
    for control in driver.find_elements(By.CSS_SELECTOR, MENU_CONTROLS):
        if control.is_displayed():
            control.click()
            if wait_until(driver, SEARCH_VISIBLE, 0.5):
                return True
    return False


def check_search(driver):
    boxes = driver.find_elements(By.CSS_SELECTOR, "input#search")
    if not boxes:
        return []
    word = search_word(driver)
    if word is None:
        return ["search: no word of 6+ letters inside <main> to search for"]
    if not reveal_search(driver):
        return ["search box input#search stays hidden (also after opening the menus)"]
    boxes[0].clear()
    boxes[0].send_keys(word)
    if not wait_until(driver, "document.querySelectorAll('#search-results a').length", 2):
        return [f"search for {word!r} (a word on this page) shows no result in #search-results"]
    return []


def save_screenshot(driver, width, height, path):
    full = driver.execute_script("return document.documentElement.scrollHeight")
    set_viewport(driver, width, max(height, min(full, MAX_SCREENSHOT_HEIGHT)))
    time.sleep(0.2)  # let the resized layout paint
    driver.save_screenshot(str(path))
    set_viewport(driver, width, height)


# ---------------------------------------------------------------- driver

def check_page(driver, page, root, width, height, shots):
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(page.as_uri())
    wait_until(driver, "document.readyState === 'complete'", 10)
    wait_until(driver, "document.fonts.status === 'loaded'", 5)
    driver.execute_script(DESCRIBE_JS)
    checks = [check_images, check_math, functools.partial(check_sideways, width=width)]
    if width == max(VIEWPORTS):  # links read the same at any width: once is enough
        checks.append(functools.partial(check_links, page=page, root=root))
    if shots:
        checks.append(functools.partial(save_screenshot, width=width, height=height,
                                        path=shots / f"{page.stem}-{width}.png"))
    checks += [check_search, check_console]  # the console last: it also sees what the search logged
    failures = []
    for check in checks:
        try:
            failures += check(driver) or []
        except WebDriverException as error:
            name = getattr(check, "func", check).__name__
            failures.append(f"browser error in {name}: {(error.msg or str(error)).splitlines()[0]}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the built report (a folder of *.html)")
    parser.add_argument("--screenshots", type=Path, help="folder for <page>-<width>.png")
    args = parser.parse_args()

    root = args.output.resolve()
    pages = sorted(root.glob("*.html"))
    if not pages:
        sys.exit(f"error: no *.html in {root}")
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)

    failures, failed_runs = [], 0
    driver = start_browser()
    try:
        for width, height in VIEWPORTS.items():
            set_viewport(driver, width, height)
            for page in pages:
                try:
                    found = check_page(driver, page, root, width, height, args.screenshots)
                except WebDriverException as error:
                    found = [f"browser error: {(error.msg or str(error)).splitlines()[0]}"]
                failed_runs += bool(found)
                for what in found:
                    failures.append(f"{page.name}@{width}: {what.replace(root.as_uri() + '/', '')}")
                    print(failures[-1], flush=True)
    finally:
        driver.quit()

    if not any(facts(page).has_search for page in pages):
        failures.append("report: no page has the search box (input#search)")
        print(failures[-1])
        failed_runs += 1
    runs = len(pages) * len(VIEWPORTS) + 1  # each page at each width, and the report-wide search box
    print(f"checked {len(pages)} pages at {' and '.join(map(str, VIEWPORTS))} px: {len(failures)} problems")
    print(f"browser: {runs - failed_runs} passed, {failed_runs} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
