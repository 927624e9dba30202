"""Search in a real browser: the site's own search script (templates/assets/search.js) on its own index, in headless
Chromium, for every language of each built site.

Through the script's query function (`window.lcitySearch`), on the search page:
- every city is the first result for each of its names in every language (data/cities.json), typed as written, in
  capitals, and with an accent added to a Latin letter;
- every city is among the results for the first half of each of its names (a prefix; for a Chinese name, also its
  middle characters);
- the cities with a Chinese name are the first result for its pinyin, as a reader types it: with spaces between
  syllables, without them, with tone marks, and the first syllables only (`PINYIN`);
- every measure (data/framework.json) is the first result for its id and among the first five for its name in each
  language; a focus area's id finds it first; each commitment of the declaration is found by its heading;
- Arabic names (the right-to-left demo gives two cities one) are found with and without the article and hamza.
Through the page, as a reader uses it:
- the header's combobox: typing a pinyin name, a Chinese fragment and an English word shows the expected first
  option, the result count is announced in the status region, ArrowDown makes the first option active
  (aria-activedescendant, aria-selected), Enter opens its page, Escape closes the list;
- the search page (`search/?q=…`) lists the expected first result.

Usage: check_search.py SITE_DIR [SITE_DIR …]   (each a built site; served on 127.0.0.1)
Prints every problem and a summary; exits 1 on any problem.
"""
import json
import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from check_a11y import languages_of, make_driver, serve, wait_for

# How readers type the shipped cities' Chinese names in pinyin (tones as marks on the first form).
PINYIN = {
    "ain-thurayya": "ài yīn sū lā yà",
    "campo-orvalho": "kǎn bō ào ěr wǎ liǔ",
    "fernhaven": "fú ēn hēi wén",
    "kesiwa": "kǎi xī wǎ",
    "kilindoro": "jī lín duō luó",
    "lindenfurt": "lín dēng fù ěr tè",
    "ouzirane": "wū qí lán",
    "qiaolan": "qiáo lán shì",
    "santa-lucerna": "shèng lú sài ěr nà",
    "sembrani": "sēn bù lā ní",
}
# Arabic names of the right-to-left demo, and other ways a reader writes them.
ARABIC = {"ain-thurayya": ["عين الثريا", "الثريا", "ثريا"], "ouzirane": ["أوزيران", "اوزيران", "اوزي"]}
# (language, what is typed into the header's box, the page its first option must open).
COMBOBOX = [
    ("zh", "kaixiwa", "/zh/cities/kesiwa/"),
    ("zh", "岚", "/zh/cities/qiaolan/"),
    ("zh", "识字", "/zh/measures/1.1.1a/"),
    ("en", "qiao lan", "/en/cities/qiaolan/"),
    ("en", "lindenf", "/en/cities/lindenfurt/"),
    ("en", "literacy", "/en/focus-areas/1.1/#key-feature-1.1.1"),
    ("ar", "الثريا", "/ar/cities/ain-thurayya/"),
]
SEARCH_PAGE = [("zh", "桥岚", "/zh/cities/qiaolan/"), ("en", "2.4", "/en/focus-areas/2.4/"), ("ar", "1.1.1a", "/ar/measures/1.1.1a/")]


class Checker:
    def __init__(self, driver, base, site, label):
        self.driver, self.base, self.site, self.label = driver, base, site, label
        self.problems = []
        self.queries = 0

    def problem(self, text):
        self.problems.append(f"{self.label}: {text}")

    def results(self, query, limit=10):
        """The paths of the first `limit` results of `query`, in order."""
        self.queries += 1
        found = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "window.lcitySearch(arguments[0], arguments[1]).then(r => done(r.map(x => x.href)), e => done(String(e)));",
            query, limit)
        if isinstance(found, str):
            self.problem(f"query {query!r} failed: {found}")
            return []
        return [href[len(self.base):] for href in found]

    def expect_first(self, query, path):
        found = self.results(query, 5)
        if not found or found[0] != path:
            self.problem(f"{query!r}: expected {path} first, got {found[:3]}")

    def expect_among(self, query, path, limit=10):
        found = self.results(query, limit)
        if path not in found:
            self.problem(f"{query!r}: expected {path} among the first {limit}, got {found[:3]}")

    def open(self, path):
        self.driver.get(self.base + path)
        if not wait_for(self.driver, "return typeof window.lcitySearch === 'function'"):
            self.problem(f"{path}: the search script did not load")
            return False
        return True

    def check_language(self, lang):
        if not self.open(f"/{lang}/search/"):
            return
        with open(os.path.join(self.site, "data", "cities.json"), encoding="utf-8") as file:
            cities = json.load(file)
        for city in cities:
            path = f"/{lang}/cities/{city['slug']}/"
            for name in city["name"].values():
                self.expect_first(name, path)
                self.expect_first(name.upper(), path)
                latin = [i for i, c in enumerate(name) if c in "aeiou"]
                if latin:
                    i = latin[0]
                    self.expect_first(name[:i] + {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}[name[i]] + name[i + 1:], path)
                self.expect_among(name[: max(1, len(name) // 2)], path)
                if all("\u4e00" <= c <= "\u9fff" for c in name) and len(name) >= 3:
                    self.expect_among(name[1:-1], path)
            reading = PINYIN.get(city["slug"])
            if reading and "zh" in city["name"]:
                plain = reading.translate(str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuvvvv"))
                syllables = plain.split()
                for typed in (reading, plain, "".join(syllables), "".join(syllables[:2])):
                    self.expect_first(typed, path)
            for typed in ARABIC.get(city["slug"], []) if "ar" in city["name"] else []:
                self.expect_first(typed, path)
        with open(os.path.join(self.site, "data", "framework.json"), encoding="utf-8") as file:
            framework = json.load(file)
        for group in framework["groups"]:
            for area in group["focus_areas"]:
                self.expect_first(area["id"], f"/{lang}/focus-areas/{area['id']}/")
                for feature in area["key_features"]:
                    for measure in feature["measures"]:
                        path = f"/{lang}/measures/{measure['id']}/"
                        self.expect_first(measure["id"], path)
                        for name in measure["name"].values():
                            self.expect_among(name, path, 5)
        headings = self.driver.execute_script(
            "return fetch(new URL('../declaration/', location.href)).then(r => r.text()).then(t => {"
            "const d = new DOMParser().parseFromString(t, 'text/html');"
            "return Array.from(d.querySelectorAll('h3[id^=\"commitment-\"]')).map(h => [h.id, h.textContent]); })")
        if len(headings) != 12:
            self.problem(f"/{lang}/declaration/ has {len(headings)} commitment headings, expected 12")
        for anchor, text in headings:
            self.expect_first(text, f"/{lang}/declaration/#{anchor}")

    def check_combobox(self, lang, typed, expected):
        if not self.open(f"/{lang}/"):
            return
        driver = self.driver
        box = driver.find_element(By.ID, "site-search-input")
        if box.get_attribute("role") != "combobox" or box.get_attribute("aria-expanded") != "false":
            self.problem(f"/{lang}/: the search box is not a collapsed combobox")
        box.click()
        box.send_keys(typed)
        if not wait_for(driver, "return document.querySelectorAll('#site-search-options [role=option]').length > 0"):
            self.problem(f"/{lang}/: typing {typed!r} shows no option")
            return
        if box.get_attribute("aria-expanded") != "true":
            self.problem(f"/{lang}/: the list is shown but aria-expanded is not true")
        if not wait_for(driver, "return document.getElementById('site-search-status').textContent.trim() !== ''", 3):
            self.problem(f"/{lang}/: typing {typed!r} announces nothing in the status region")
        box.send_keys(Keys.ARROW_DOWN)
        first = driver.find_element(By.CSS_SELECTOR, "#site-search-options [role=option]")
        if box.get_attribute("aria-activedescendant") != first.get_attribute("id") or first.get_attribute("aria-selected") != "true":
            self.problem(f"/{lang}/: ArrowDown does not make the first option active")
        box.send_keys(Keys.ENTER)
        wait_for(driver, f"return location.pathname + location.hash !== '/{lang}/'", 5)
        opened = driver.execute_script("return location.pathname + location.hash")
        if opened != expected:
            self.problem(f"/{lang}/: {typed!r}, ArrowDown, Enter opened {opened}, expected {expected}")
        if self.open(f"/{lang}/"):
            box = driver.find_element(By.ID, "site-search-input")
            box.click()
            box.send_keys(typed)
            wait_for(driver, "return !document.getElementById('site-search-options').hidden")
            box.send_keys(Keys.ESCAPE)
            if box.get_attribute("aria-expanded") != "false" or driver.find_element(By.ID, "site-search-options").is_displayed():
                self.problem(f"/{lang}/: Escape does not close the list")

    def check_search_page(self, lang, query, expected):
        driver = self.driver
        driver.get(f"{self.base}/{lang}/search/?q={query}")
        if not wait_for(driver, "return document.querySelectorAll('#search-page-results a').length > 0"):
            self.problem(f"/{lang}/search/?q={query}: no results listed")
            return
        href = driver.find_element(By.CSS_SELECTOR, "#search-page-results a").get_attribute("href")
        if href[len(self.base):] != expected:
            self.problem(f"/{lang}/search/?q={query}: first result {href[len(self.base):]}, expected {expected}")


def main():
    sites = sys.argv[1:]
    if not sites:
        sys.exit(__doc__.split("\n\n")[-2])
    start = time.time()
    problems, queries = [], 0
    driver = make_driver()
    driver.set_script_timeout(30)
    try:
        for site in sites:
            languages = languages_of(site)
            with serve(site) as base:
                for lang in languages:
                    checker = Checker(driver, base, site, f"{os.path.basename(os.path.normpath(site))} {lang}")
                    checker.check_language(lang)
                    for combo_lang, typed, expected in COMBOBOX:
                        if combo_lang == lang:
                            checker.check_combobox(lang, typed, expected)
                    for page_lang, query, expected in SEARCH_PAGE:
                        if page_lang == lang:
                            checker.check_search_page(lang, query, expected)
                    problems += checker.problems
                    queries += checker.queries
    finally:
        driver.quit()
    for problem in problems:
        print(problem)
    print(f"check-search: {queries} queries in {len(sites)} site(s), {len(problems)} problem(s), {time.time() - start:.0f} s")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
