#!/usr/bin/env python3
"""The HTML report in a real browser: Debian's chromium renders it headless.

Checks the rendered DOM (one element of class "q" per quote of the JSON, every
speaker listed in the panel), that hostile input text (tags, </script>, control
characters) is shown as text and never interpreted, and saves screenshots.
Exits 77 (skipped) with a message when no chromium is installed.

Usage: test_report.py --skaz build/skaz --out build/report [--data ../shared/data]
"""
import argparse
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
HOSTILE = (
    "Storm report\n\n"
    "Officials said <script>alert(1)</script> and </script><img src=x onerror=alert(2)> "
    "&amp; were found \x01\x1b[31m in the feed.\n\n"
    "\"<b>We are safe</b>,\" said Ivan Sokolov.\n"
)


class Dom(html.parser.HTMLParser):
    """Counts quote elements and tags; collects the panel's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.q = 0
        self.tags: dict[str, int] = {}
        self.in_aside = 0
        self.aside_text: list[str] = []
        self.main_text: list[str] = []
        self.in_main = 0

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        classes = (dict(attrs).get("class") or "").split()
        if "q" in classes:
            self.q += 1
        if tag == "aside":
            self.in_aside += 1
        if tag == "main":
            self.in_main += 1

    def handle_endtag(self, tag):
        if tag == "aside":
            self.in_aside -= 1
        if tag == "main":
            self.in_main -= 1

    def handle_data(self, data):
        if self.in_aside:
            self.aside_text.append(data)
        if self.in_main:
            self.main_text.append(data)


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def render(browser: str, page: str, profile: str, shot: str) -> str:
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--no-first-run",
            f"--user-data-dir={profile}"]
    url = "file://" + os.path.abspath(page)
    dom = subprocess.run(base + ["--dump-dom", url], capture_output=True, text=True,
                         timeout=180, check=True).stdout
    subprocess.run(base + ["--window-size=1400,2400", f"--screenshot={shot}", url],
                   capture_output=True, timeout=180, check=True)
    return dom


def fail(msg: str) -> None:
    print("FAIL:", msg)
    sys.exit(1)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skaz", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", default=os.environ.get("SKAZ_SHARED_DATA", ""))
    ap.add_argument("--example", required=True)
    a = ap.parse_args()
    browser = chromium()
    if not browser:
        print("chromium not found (Debian: apt-get install chromium): skipping the browser test")
        return SKIP
    os.makedirs(a.out, exist_ok=True)
    seed = os.path.join(a.data, "seed", "000_b04bb81440cff18e.txt") if a.data else ""
    cases = [("article", a.example, "auto")]
    if seed and os.path.exists(seed):
        cases.append(("seed", seed, "en"))
    else:
        print("../shared/data not found: the seed article is skipped")
    hostile = os.path.join(a.out, "hostile.txt")
    with open(hostile, "w", encoding="utf-8") as f:
        f.write(HOSTILE)
    cases.append(("hostile", hostile, "en"))

    with tempfile.TemporaryDirectory() as profile:
        for name, path, lang in cases:
            page = os.path.join(a.out, name + ".html")
            with open(page, "wb") as f:
                subprocess.run([a.skaz, "analyze", "--format", "html", "--lang", lang, path],
                               stdout=f, check=True)
            doc = json.loads(subprocess.run([a.skaz, "analyze", "--lang", lang, path],
                                            capture_output=True, check=True).stdout)
            shot = os.path.join(a.out, name + ".png")
            dom = Dom()
            dom.feed(render(browser, page, profile, shot))
            quotes = doc["quotes"]
            if dom.q != len(quotes):
                fail(f"{name}: {dom.q} highlighted quotes in the page, {len(quotes)} in the JSON")
            panel = " ".join(dom.aside_text)
            speakers = {q["speaker"]["name"] for q in quotes
                        if q["speaker"] and q["kind"] in ("direct", "partial", "indirect")}
            missing = [s for s in speakers if s not in panel]
            if missing:
                fail(f"{name}: speakers missing from the panel: {missing}")
            if not os.path.getsize(shot):
                fail(f"{name}: empty screenshot")
            if name == "hostile":
                for tag in ("script", "img", "b"):
                    if dom.tags.get(tag):
                        fail(f"hostile: a <{tag}> element was interpreted")
                text = " ".join(dom.main_text)
                for shown in ("<script>alert(1)</script>", "</script><img src=x", "<b>We are safe</b>",
                              "\u2401\u241b[31m"):
                    if shown not in text:
                        fail(f"hostile: {shown!r} is not shown as text")
            print(f"{name}: {dom.q} quotes, {len(speakers)} speakers; screenshot {shot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
