"""Screenshots of ``begriffe serve`` for the README: check view with an open note, glossary search, entry page.

    python bench/screenshots.py [--out docs] [--glossary-dir DIR]

Uses Debian's Chromium (/usr/bin/chromium) with the same setup as tests/web/test_browser.py,
at 1366×768 (a common laptop screen). Writes web-pruefen.png, web-glossar.png, web-eintrag.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))

from livebrowser import chromium, live_server  # noqa: E402

DRAFT = """Beschlussvorlage: Unterbringung und Integration 2025

Im vergangenen Jahr hat die Stadt 240 Asylbewerber aufgenommen. Die Flüchtlingswelle des Herbstes hat die \
Gemeinschaftsunterkünfte an ihre Grenzen gebracht; in der Turnhalle wohnen noch immer 60 Asylanten.

Für Menschen mit Migrationshintergrund bietet die Volkshochschule Sprachkurse an. Die ausländischen Mitbürger \
sollen stärker an der Stadtgesellschaft teilhaben.
"""


def main() -> None:
    """Start the app, take the three screenshots, stop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--glossary-dir", type=Path, default=None)
    args = parser.parse_args()

    from begriffe.compiled import load_compiled
    from begriffe.web.app import create_app

    app = create_app(load_compiled(glossary_dir=args.glossary_dir))
    args.out.mkdir(parents=True, exist_ok=True)
    with live_server(app) as url, chromium(url) as (context, _blocked):
        page = context.new_page()
        page.goto(url + "/")
        page.get_by_label("Text einfügen").fill(DRAFT)
        page.get_by_role("button", name="Prüfen", exact=True).click()
        page.locator("mark.finding.error").first.click()
        page.get_by_role("dialog").wait_for()
        page.screenshot(path=args.out / "web-pruefen.png")

        page.goto(url + "/glossar")
        page.get_by_label("Begriff suchen").fill("fluechtling")
        page.wait_for_url("**/glossar?q=fluechtling")
        page.screenshot(path=args.out / "web-glossar.png")

        page.goto(url + "/eintrag/asylant")
        page.screenshot(path=args.out / "web-eintrag.png")
    for name in ("web-pruefen.png", "web-glossar.png", "web-eintrag.png"):
        print(args.out / name)


if __name__ == "__main__":
    main()
