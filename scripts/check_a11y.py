"""Accessibility and real-browser checks: axe-core (WCAG 2.1 AA) in headless Chromium on one page of every kind in
every language, reflow at 320 px, the skip link as first stop of the keyboard, and screenshots at 1280 and 375 px.

Usage: check_a11y.py SITE_DIR [SITE_DIR …] --screenshots DIR
Each SITE_DIR is a built site (lcity-site build); each is served over http://127.0.0.1 on its own port.
Exits 1 on any violation, printing rule, impact and element.
"""
import argparse
import contextlib
import functools
import http.server
import json
import os
import socketserver
import sys
import threading
import time

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def page_kinds(languages):
    """(name, path) for one page of every kind, in every language of the site."""
    pages = [("chooser", "/"), ("not-found", "/404.html")]
    for lang in languages:
        pages += [
            (f"{lang}-home", f"/{lang}/"),
            (f"{lang}-declaration", f"/{lang}/declaration/"),
            (f"{lang}-framework", f"/{lang}/framework/"),
            (f"{lang}-focus-area", f"/{lang}/focus-areas/2.1/"),
            (f"{lang}-key-feature", f"/{lang}/focus-areas/2.2/#key-feature-2.2.1"),
            (f"{lang}-indicator", f"/{lang}/indicators/1.1.1a/"),
            (f"{lang}-indicator-rating", f"/{lang}/indicators/3.1.1a/"),
            (f"{lang}-indicators", f"/{lang}/indicators/"),
            (f"{lang}-city", f"/{lang}/cities/qiaolan/"),
            (f"{lang}-cities", f"/{lang}/cities/"),
            (f"{lang}-region", f"/{lang}/regions/asia_pacific/"),
            (f"{lang}-country", f"/{lang}/countries/cn/"),
            (f"{lang}-about", f"/{lang}/about/"),
            (f"{lang}-regions", f"/{lang}/regions/"),
            (f"{lang}-not-found", f"/{lang}/404.html"),
        ]
    return pages


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory):
    """Serves `directory` on 127.0.0.1 on a free port for the duration of the block."""
    handler = functools.partial(QuietHandler, directory=directory)
    socketserver.TCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--hide-scrollbars",
                     "--force-color-profile=srgb", "--lang=en-US"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def languages_of(site):
    return sorted(name for name in os.listdir(site) if os.path.isfile(os.path.join(site, name, "404.html")))


def check_site(driver, site, base, screenshots, problems, prefix):
    checked = 0
    for name, path in page_kinds(languages_of(site)):
        name = f"{prefix}{name}"
        url = base + path
        driver.set_window_size(1280, 900)
        driver.get(url)
        if "404" not in name and driver.title.startswith("Error response"):
            problems.append(f"{url}: page missing")
            continue
        axe = Axe(driver)
        axe.inject()
        result = axe.run(options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]})
        for violation in result["violations"]:
            for node in violation["nodes"]:
                problems.append(
                    f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} — {', '.join(node['target'])}")
        if screenshots:
            driver.save_screenshot(os.path.join(screenshots, f"{name}-1280.png"))
            driver.set_window_size(375, 900)
            time.sleep(0.05)
            driver.save_screenshot(os.path.join(screenshots, f"{name}-375.png"))
        # Keyboard: the first Tab stop is the skip link (from the top of the page: a #fragment moves the start).
        if "#" in path:
            driver.get(url.split("#")[0])
        driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
        driver.find_element("tag name", "body").send_keys(Keys.TAB)
        first = driver.execute_script("return document.activeElement && document.activeElement.className")
        if "skip-link" not in (first or ""):
            problems.append(f"{url}: the first Tab stop is '{first}', not the skip link")
        # Reflow: nothing scrolls sideways at 320 px but tables in their own scroll container.
        driver.set_window_size(320, 900)
        time.sleep(0.05)
        overflow = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if overflow[0] > overflow[1] + 1:
            problems.append(f"{url}: scrolls horizontally at 320 px ({overflow[0]} > {overflow[1]})")
        checked += 1
    return checked


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sites", nargs="+")
    parser.add_argument("--screenshots")
    arguments = parser.parse_args()
    if arguments.screenshots:
        os.makedirs(arguments.screenshots, exist_ok=True)
    start = time.time()
    problems = []
    checked = 0
    driver = make_driver()
    try:
        for site in arguments.sites:
            prefix = os.path.basename(os.path.normpath(site)) + "-" if len(arguments.sites) > 1 else ""
            with serve(site) as base:
                checked += check_site(driver, site, base, arguments.screenshots, problems, prefix)
    finally:
        driver.quit()
    for problem in problems:
        print(problem)
    where = f"; screenshots in {arguments.screenshots}" if arguments.screenshots else ""
    print(f"check-a11y: {checked} pages checked with axe-core (WCAG 2.1 AA), {len(problems)} problems, "
          f"{time.time() - start:.0f} s{where}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
