"""Accessibility and real-browser checks in headless Chromium, on one page of every kind in every language of each site.

For every page kind (see `page_kinds`):
- axe-core with the WCAG 2.1 A/AA rules and the best-practice rules: 0 violations (run at 1280 px);
- layout at 390 and 1280 px (exact viewport widths, set with the DevTools command Emulation.setDeviceMetricsOverride):
  the page does not scroll sideways, no visible element inside <body> sideways-scrolls or clips its content
  (scrollWidth > clientWidth while overflow-x is auto/scroll/hidden/clip) and no element's box reaches past the left
  or right edge of the viewport (elements inside a clipping or scrolling container, and visually hidden ones, are
  left to that container);
- at the same two widths, every rendered <text> of every inline <svg> lies inside its svg's box and overlaps no other
  <text> of the same svg (1 px tolerance);
- reflow at 320 px: the page does not scroll sideways;
- the skip link is the first stop of the keyboard;
- a viewport screenshot at 390 and 1280 px ({name}-390.png, {name}-1280.png) when --screenshots is given.
On the comparison page of every language (opened as `compare/?cities=qiaolan,kesiwa`), the script's table must
appear; each chosen city's value of 1.1.1a and of 1.2.1a read from the page must equal the latest value in the city's
JSON download (data/cities/<slug>.json); the choice must stay in the address; texts the page shows in another language must carry their lang in the table
as on the rest of the page, with no mark left; and a third city typed by its name in another language and added with
Enter must join the table and the address. Its other checks run on the filled page.
The city profile of every language is also printed to an A4 PDF (Page.printToPDF, CSS page size preferred) and must
fit on at most two pages (counted with pdfinfo); the PDF is kept as {name}-print.pdf, its first two pages rendered
to {name}-print-1.png and -2.png (pdftoppm, 60 dpi).

Usage: check_a11y.py SITE_DIR [SITE_DIR …] [--screenshots DIR] [--report FILE]
Each SITE_DIR is a built site (lcity-site build); each is served over http://127.0.0.1 on its own port.
Prints every problem (axe: "url: rule (impact): help — targets"), then a summary with counts per kind of problem
(axe, overflow, svg-text, print, keyboard, missing); --report writes them as JSON lines {url, width, kind, detail}.
Exits 1 on any problem.
"""
import argparse
import base64
import collections
import contextlib
import dataclasses
import functools
import http.server
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_WIDTH = 1280
# (width, height) of the viewports whose layout, SVG text and screenshots are checked.
LAYOUT_VIEWPORTS = [(390, 844), (1280, 900)]
REFLOW_VIEWPORT = (320, 900)
MAX_PRINTED_PAGES = 2
PROBLEM_KINDS = ["axe", "overflow", "svg-text", "print", "keyboard", "compare", "missing"]

# Waits until the page's web fonts are loaded (text boxes depend on them).
FONTS_READY_JS = """
const done = arguments[arguments.length - 1];
document.fonts.ready.then(() => done(true), () => done(false));
"""

# [window.innerWidth, scrollWidth and clientWidth of the document].
VIEWPORT_JS = """
const root = document.documentElement;
return [window.innerWidth, root.scrollWidth, root.clientWidth];
"""

# Shared helper: a short CSS-like path (at most three steps, up to the nearest element with an id) of an element.
PATH_OF_JS = """
function pathOf(element) {
  const steps = [];
  for (let node = element; node && node.nodeType === 1 && steps.length < 3; node = node.parentElement) {
    let step = node.tagName.toLowerCase();
    if (node.id) step += '#' + node.id;
    const classes = (node.getAttribute('class') || '').trim().split(/\\s+/).filter(Boolean).slice(0, 2);
    if (classes.length) step += '.' + classes.join('.');
    steps.unshift(step);
    if (node.id || node === document.body) break;
  }
  return steps.join(' > ');
}
"""

# Elements that overflow: sideways scrolling or clipping containers, and boxes past the viewport's left/right edge.
# Skips hidden and visually hidden (clipped, ≤ 1 px) elements with what they contain, and does not look inside
# <svg> (see SVG_TEXT_JS) nor inside a container that clips or scrolls (the container is checked itself).
# Only the outermost element past the viewport's edge is reported.
OVERFLOW_JS = PATH_OF_JS + """
const viewport = window.innerWidth;
const found = [];
const round = value => Math.round(value);
function visit(element, inContainer) {
  const style = getComputedStyle(element);
  if (style.display === 'none') return;
  const rect = element.getBoundingClientRect();
  const hiddenByClip = (style.clip && style.clip !== 'auto') || (style.clipPath && style.clipPath !== 'none');
  const tiny = rect.width <= 1 || rect.height <= 1;
  const clipsOverflow = ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
  if (hiddenByClip || (tiny && clipsOverflow)) return;
  const shown = style.display !== 'contents' && style.visibility !== 'hidden' && !tiny;
  let pastEdge = false;
  if (shown) {
    if (clipsOverflow && element.scrollWidth > element.clientWidth + 1) {
      found.push({kind: 'container', path: pathOf(element), overflowX: style.overflowX,
                  scrollWidth: element.scrollWidth, clientWidth: element.clientWidth});
    }
    if (!inContainer && (rect.right > viewport + 1 || rect.left < -1)) {
      found.push({kind: 'edge', path: pathOf(element), left: round(rect.left), right: round(rect.right),
                  width: round(rect.width), viewport: viewport});
      pastEdge = true;
    }
  }
  if (element.namespaceURI === 'http://www.w3.org/2000/svg') return;
  for (const child of element.children) visit(child, inContainer || pastEdge || clipsOverflow);
}
for (const child of document.body.children) visit(child, false);
return found;
"""

# SVG <text> that is not inside its (outermost inline) svg's box, or that overlaps another <text> of the same svg.
SVG_TEXT_JS = PATH_OF_JS + """
const tolerance = 1 + 1 / 32;  // 1 px, plus the rounding of Chromium's layout units (1/64 px)
const found = [];
const box = rect => [rect.left, rect.top, rect.right, rect.bottom].map(value => Math.round(value * 10) / 10);
const label = text => text.textContent.replace(/\\s+/g, ' ').trim().slice(0, 40);
for (const svg of document.querySelectorAll('svg')) {
  if (svg.parentElement && svg.parentElement.closest('svg')) continue;
  const frame = svg.getBoundingClientRect();
  if (frame.width === 0 || frame.height === 0) continue;
  const name = svg.id ? 'svg#' + svg.id : pathOf(svg);
  const texts = [];
  for (const text of svg.querySelectorAll('text')) {
    const rect = text.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) texts.push({text, rect});
  }
  for (const {text, rect} of texts) {
    if (rect.left < frame.left - tolerance || rect.right > frame.right + tolerance ||
        rect.top < frame.top - tolerance || rect.bottom > frame.bottom + tolerance) {
      found.push({kind: 'outside', svg: name, text: label(text), rect: box(rect), svgRect: box(frame)});
    }
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].rect, b = texts[j].rect;
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (width > tolerance && height > tolerance) {
        found.push({kind: 'overlap', svg: name, text: label(texts[i].text), rect: box(a),
                    other: label(texts[j].text), otherRect: box(b),
                    overlap: [width, height].map(value => Math.round(value * 100) / 100)});
      }
    }
  }
}
return found;
"""


@dataclasses.dataclass
class Page:
    """One page of a kind: `name` (language and kind), its site path, whether it is printed (the profile), and the
    cities it compares (the comparison page)."""
    name: str
    path: str
    printed: bool = False
    compared: tuple = ()


@dataclasses.dataclass
class Problem:
    """One problem found: the page's url, the window width it was seen at (None if any), its kind and a detail."""
    url: str
    width: int | None
    kind: str
    detail: str

    def line(self):
        """The problem as one line of output; axe violations keep the form `url: rule (impact): help — targets`."""
        if self.kind == "axe" or self.width is None:
            return f"{self.url}: {self.detail}"
        return f"{self.url}: {self.kind} at {self.width} px: {self.detail}"


# The comparison page is opened with these cities; ADDED is then typed in by a name in another language.
COMPARED = ("qiaolan", "kesiwa")
ADDED = "lindenfurt"
COMPARE_MEASURES = ("1.1.1a", "1.2.1a")


def page_kinds(languages):
    """One page of every kind, in every language of the site."""
    pages = [Page("chooser", "/"), Page("not-found", "/404.html")]
    for lang in languages:
        pages += [
            Page(f"{lang}-home", f"/{lang}/"),
            Page(f"{lang}-declaration", f"/{lang}/declaration/"),
            Page(f"{lang}-framework", f"/{lang}/framework/"),
            Page(f"{lang}-focus-area", f"/{lang}/focus-areas/2.1/"),
            Page(f"{lang}-key-feature", f"/{lang}/focus-areas/2.2/#key-feature-2.2.1"),
            Page(f"{lang}-indicator", f"/{lang}/measures/1.1.1a/"),
            Page(f"{lang}-indicator-rating", f"/{lang}/measures/3.1.1a/"),
            Page(f"{lang}-indicators", f"/{lang}/measures/"),
            Page(f"{lang}-city", f"/{lang}/cities/qiaolan/", printed=True),
            Page(f"{lang}-cities", f"/{lang}/cities/"),
            Page(f"{lang}-region", f"/{lang}/regions/asia_pacific/"),
            Page(f"{lang}-country", f"/{lang}/countries/cn/"),
            Page(f"{lang}-about", f"/{lang}/about/"),
            Page(f"{lang}-regions", f"/{lang}/regions/"),
            Page(f"{lang}-search", f"/{lang}/search/?q=lan"),
            Page(f"{lang}-compare", f"/{lang}/compare/?cities={','.join(COMPARED)}", compared=COMPARED),
            Page(f"{lang}-changes", f"/{lang}/changes/"),
            Page(f"{lang}-data", f"/{lang}/data/"),
            Page(f"{lang}-not-found", f"/{lang}/404.html"),
        ]
    return pages


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    timeout = 10  # seconds a connection may stay idle (Chromium opens sockets ahead of requests)

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingTCPServer):
    """Serves each connection on its own thread, and does not wait for idle connections when closed."""
    allow_reuse_address = True
    daemon_threads = True
    block_on_close = False


@contextlib.contextmanager
def serve(directory):
    """Serves `directory` on 127.0.0.1 on a free port for the duration of the block."""
    handler = functools.partial(QuietHandler, directory=directory)
    with Server(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()


def make_driver():
    """Headless Chromium from Debian's packages, driven by its chromedriver."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--hide-scrollbars",
                     "--force-color-profile=srgb", "--lang=en-US"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def languages_of(site):
    """The languages of a built site: its folders with a 404 page."""
    return sorted(name for name in os.listdir(site) if os.path.isfile(os.path.join(site, name, "404.html")))


def set_viewport(driver, width, height):
    """Makes the viewport exactly `width` × `height` CSS px (device scale 1, desktop), returning window.innerWidth."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    inner_width = driver.execute_script(VIEWPORT_JS)[0]
    if inner_width != width:
        print(f"check-a11y: warning: asked for a {width} px viewport, got {inner_width} px", file=sys.stderr)
    return inner_width


def clear_viewport(driver):
    """Ends the viewport emulation of `set_viewport`."""
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def check_axe(driver, url):
    """axe-core's violations of the WCAG 2.1 A/AA and best-practice rules, one problem per element."""
    axe = Axe(driver)
    axe.inject()
    result = axe.run(options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return [Problem(url, AXE_WIDTH, "axe",
                    f"{violation['id']} ({violation['impact']}): {violation['help']} — {', '.join(node['target'])}")
            for violation in result["violations"] for node in violation["nodes"]]


def check_page_overflow(driver, url, width):
    """The page scrolls sideways (the document is wider than the viewport)."""
    _, scroll_width, client_width = driver.execute_script(VIEWPORT_JS)
    if scroll_width > client_width + 1:
        return [Problem(url, width, "overflow", f"page scrolls sideways (scrollWidth {scroll_width} > {client_width})")]
    return []


def check_element_overflow(driver, url, width):
    """Elements that scroll sideways or clip their content, and boxes past the viewport's left or right edge."""
    problems = []
    for item in driver.execute_script(OVERFLOW_JS):
        if item["kind"] == "container":
            detail = (f"{item['path']} (overflow-x: {item['overflowX']}) is wider inside than its box "
                      f"(scrollWidth {item['scrollWidth']} > clientWidth {item['clientWidth']})")
        else:
            detail = (f"{item['path']} is past the viewport's edge (left {item['left']}, right {item['right']}, "
                      f"width {item['width']}; viewport 0–{item['viewport']})")
        problems.append(Problem(url, width, "overflow", detail))
    return problems


def format_rect(rect):
    """[left, top, right, bottom] as `(left,top)–(right,bottom)`."""
    left, top, right, bottom = (f"{value:g}" for value in rect)
    return f"({left},{top})–({right},{bottom})"


def check_svg_text(driver, url, width):
    """SVG text outside its svg's box, or overlapping another text of the same svg."""
    problems = []
    for item in driver.execute_script(SVG_TEXT_JS):
        if item["kind"] == "outside":
            detail = (f"{item['svg']}: text \"{item['text']}\" {format_rect(item['rect'])} is outside the svg "
                      f"{format_rect(item['svgRect'])}")
        else:
            across, down = item["overlap"]
            detail = (f"{item['svg']}: text \"{item['text']}\" {format_rect(item['rect'])} overlaps "
                      f"\"{item['other']}\" {format_rect(item['otherRect'])} by {across:g} × {down:g} px")
        problems.append(Problem(url, width, "svg-text", detail))
    return problems


def check_keyboard(driver, url, reload=False):
    """The first Tab stop from the top of the page is the skip link (a #fragment would move the start, so it goes;
    `reload` starts afresh where an earlier check moved the focus)."""
    if "#" in url or reload:
        driver.get(url.split("#")[0])
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    driver.find_element("tag name", "body").send_keys(Keys.TAB)
    first = driver.execute_script("return document.activeElement && document.activeElement.className")
    if "skip-link" not in (first or ""):
        return [Problem(url, None, "keyboard", f"the first Tab stop is '{first}', not the skip link")]
    return []


def latest_headline(document, measure, total="total"):
    """The latest available headline value of `measure` in a city's JSON download, or None."""
    latest = None
    for observation in sorted((o for o in document["observations"] if o["measure"] == measure), key=lambda o: o["year"]):
        if observation["available"]:
            latest = observation
    if latest is None:
        return None
    if "value" in latest:
        return latest["value"]
    values = latest.get("values", {})
    return values.get(total, next(iter(values.values())) if len(values) == 1 else None)


def page_number(text):
    """The number in a value as the page writes it ("96.5%", "24,811 US$ PPP", "−1.2")."""
    match = re.search(r"[−-]?[0-9][0-9,]*(\.[0-9]+)?", text)
    return float(match.group(0).replace(",", "").replace("−", "-")) if match else None


def wait_for(driver, script, seconds=10):
    """Waits until `script` returns a true value; returns whether it did."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if driver.execute_script(script):
            return True
        time.sleep(0.1)
    return False


def check_compare(driver, site, page, url):
    """The comparison page shows each chosen city's values as its JSON download has them, keeps the choice in the
    address, and takes a city typed by name in another language."""
    problems = []
    table_ready = "return document.querySelectorAll('.compare-table thead th').length"
    if not wait_for(driver, f"{table_ready} >= {len(page.compared) + 2}"):
        return [Problem(url, None, "compare", "the comparison table did not appear")]
    for slug in page.compared:
        with open(os.path.join(site, "data", "cities", f"{slug}.json"), encoding="utf-8") as file:
            document = json.load(file)
        for measure in COMPARE_MEASURES:
            expected = latest_headline(document, measure)
            cells = driver.find_elements("css selector", f'td[data-city="{slug}"][data-measure="{measure}"] .compare-value')
            shown = page_number(cells[0].text) if cells else None
            if expected is None:
                if shown is not None:
                    problems.append(Problem(url, None, "compare", f"{slug} {measure}: shows {cells[0].text}, the download has no value"))
            elif shown is None or abs(shown - expected) > 0.05 + abs(expected) * 1e-9:
                problems.append(Problem(url, None, "compare",
                                        f"{slug} {measure}: the page shows {cells[0].text if cells else 'nothing'}, the download {expected}"))
    # Texts in another language than the page's arrive marked (U+E010…U+E012): the script writes them as spans
    # with their lang, as the rest of the page has them, and leaves no mark behind.
    if driver.execute_script(r"return /[\uE010-\uE012]/.test(document.documentElement.outerHTML)"):
        problems.append(Problem(url, None, "compare", "a mark of a text in another language was left in the page"))
    marked = driver.execute_script(r"return document.getElementById('compare-config').textContent.indexOf('\\uE010') >= 0")
    spans_in_table = driver.execute_script("return document.querySelectorAll('#compare-result span[lang]').length")
    if marked and not spans_in_table:
        problems.append(Problem(url, None, "compare", "the configuration marks texts in other languages, the table gives none a lang"))
    address = driver.execute_script("return location.search")
    if f"cities={','.join(page.compared)}" not in address:
        problems.append(Problem(url, None, "compare", f"the address lost the choice: {address}"))
    with open(os.path.join(site, "data", "cities.json"), encoding="utf-8") as file:
        names = {city["slug"]: city["name"] for city in json.load(file)}
    language = page.name.split("-")[-2]
    other = next((text for lang, text in sorted(names[ADDED].items()) if lang != language), names[ADDED].get(language))
    field = driver.find_element("id", "compare-city")
    field.clear()
    field.send_keys(other + Keys.ENTER)
    if not wait_for(driver, f"{table_ready} >= {len(page.compared) + 3}"):
        problems.append(Problem(url, None, "compare", f"typing '{other}' and Enter did not add {ADDED}"))
    elif ADDED not in driver.execute_script("return location.search"):
        problems.append(Problem(url, None, "compare", f"the address does not name the added city {ADDED}"))
    return problems


def pdf_page_count(path):
    """The number of pages of a PDF, from poppler's pdfinfo."""
    output = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", output, re.M).group(1))


def render_pdf_pages(path, count):
    """Renders the first `count` pages of a PDF `x.pdf` to `x-1.png`, `x-2.png` … at 60 dpi (poppler's pdftoppm)."""
    for page in range(1, count + 1):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", path,
                        f"{path[:-len('.pdf')]}-{page}"], check=True)


def check_print(driver, url, name, folder, preview, page_counts):
    """Prints the page to an A4 PDF `{name}-print.pdf` in `folder` (rendering its first two pages to PNG when
    `preview`), records its page count in `page_counts` and reports it if longer than MAX_PRINTED_PAGES."""
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                      "printBackground": True, "preferCSSPageSize": True})
    path = os.path.join(folder, f"{name}-print.pdf")
    with open(path, "wb") as file:
        file.write(base64.b64decode(pdf["data"]))
    pages = pdf_page_count(path)
    if preview:
        render_pdf_pages(path, min(pages, MAX_PRINTED_PAGES))
    page_counts[name] = pages
    if pages > MAX_PRINTED_PAGES:
        return [Problem(url, None, "print", f"prints on {pages} A4 pages (at most {MAX_PRINTED_PAGES})")]
    return []


def check_page(driver, site, page, url, name, screenshots, print_folder, page_counts):
    """Every check of the page loaded from `url`; returns its problems."""
    driver.execute_async_script(FONTS_READY_JS)
    problems = check_compare(driver, site, page, url) if page.compared else []
    for width, height in sorted(LAYOUT_VIEWPORTS, key=lambda viewport: viewport[0] != AXE_WIDTH):
        set_viewport(driver, width, height)
        if width == AXE_WIDTH:
            problems += check_axe(driver, url)
        problems += check_page_overflow(driver, url, width)
        problems += check_element_overflow(driver, url, width)
        problems += check_svg_text(driver, url, width)
        if screenshots:
            driver.save_screenshot(os.path.join(screenshots, f"{name}-{width}.png"))
    reflow_width = set_viewport(driver, *REFLOW_VIEWPORT)
    problems += check_page_overflow(driver, url, reflow_width)
    clear_viewport(driver)
    if page.printed:
        problems += check_print(driver, url, name, print_folder, bool(screenshots), page_counts)
    problems += check_keyboard(driver, url, reload=bool(page.compared))
    return problems


def check_site(driver, site, base, screenshots, print_folder, prefix, page_counts):
    """Checks every page kind of one site served at `base`; returns (pages checked, problems)."""
    checked, problems = 0, []
    for page in page_kinds(languages_of(site)):
        url = base + page.path
        driver.get(url)
        if "not-found" not in page.name and driver.title.startswith("Error response"):
            problems.append(Problem(url, None, "missing", "page missing"))
            continue
        problems += check_page(driver, site, page, url, prefix + page.name, screenshots, print_folder, page_counts)
        checked += 1
    return checked, problems


def write_report(path, problems):
    """Writes the problems as JSON lines {url, width, kind, detail}."""
    with open(path, "w", encoding="utf-8") as file:
        for problem in problems:
            file.write(json.dumps(dataclasses.asdict(problem), ensure_ascii=False) + "\n")


def summary(checked, problems, page_counts, seconds, screenshots):
    """The last line of output: what was checked, the problems by kind, the time taken."""
    counts = collections.Counter(problem.kind for problem in problems)
    by_kind = ", ".join(f"{kind} {counts[kind]}" for kind in PROBLEM_KINDS)
    printed = ", ".join(f"{name} {pages}" for name, pages in page_counts.items())
    where = f"; screenshots in {screenshots}" if screenshots else ""
    return (f"check-a11y: {checked} pages checked (axe-core WCAG 2.1 AA + best practice; overflow at 320/390/1280 px; "
            f"SVG text at 390/1280 px; A4 pages printed: {printed}), {len(problems)} problems ({by_kind}), "
            f"{seconds:.0f} s{where}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", help="built sites (lcity-site build --output)")
    parser.add_argument("--screenshots", help="folder for screenshots, the printed profiles and their previews")
    parser.add_argument("--report", help="write every problem to this file as JSON lines (url, width, kind, detail)")
    arguments = parser.parse_args()
    for tool in ("pdfinfo", "pdftoppm"):
        if not shutil.which(tool):
            sys.exit(f"check-a11y: needs {tool} (poppler-utils; scripts/install-browser installs it)")
    if arguments.screenshots:
        os.makedirs(arguments.screenshots, exist_ok=True)
    start = time.time()
    problems, checked, page_counts = [], 0, {}
    driver = make_driver()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            print_folder = arguments.screenshots or scratch
            for site in arguments.sites:
                prefix = os.path.basename(os.path.normpath(site)) + "-" if len(arguments.sites) > 1 else ""
                with serve(site) as base:
                    site_checked, site_problems = check_site(driver, site, base, arguments.screenshots, print_folder,
                                                             prefix, page_counts)
                checked += site_checked
                problems += site_problems
    finally:
        driver.quit()
    for problem in problems:
        print(problem.line())
    if arguments.report:
        write_report(arguments.report, problems)
    print(summary(checked, problems, page_counts, time.time() - start, arguments.screenshots))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
