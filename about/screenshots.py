"""Screenshots of every public page type (projects.inventory) at a desktop and a phone
width in every language, from the records in the database: `make screenshots`."""

import os
import re
from pathlib import Path

from django.conf import settings

from projects.content_types import public_types

WIDTHS = {"desktop": 1280, "phone": 390}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def sample_slugs():
    """One published record of each kind a page type takes: the first one shown."""
    from projects.models import OverseasCentre, Sector
    from stories.models import GuideStep

    slugs = {}
    for declared in public_types():
        first = declared.published().first()
        if first:
            slugs[declared.key] = first.slug
    sector = Sector.objects.order_by("pk").first()
    centre = OverseasCentre.objects.published().first()
    step = GuideStep.objects.published().first()
    if sector:
        slugs["sector"] = sector.slug
    if centre:
        slugs["country"] = centre.country.code.lower()
    if step:
        slugs["step"] = step.slug
    return slugs


def file_name(label, width_name):
    """ "park detail [zh-hans]" at the phone width -> park-detail.zh-hans.phone.png"""
    name, language = re.match(r"(.+) \[(.+)\]", label).groups()
    return f"{name.replace(' ', '-')}.{language}.{width_name}.png"


def take(base_url, pages, folder):
    """Full-page screenshots of each (label, path) at every width into `folder`."""
    from playwright.sync_api import sync_playwright

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        for width_name, width in WIDTHS.items():
            context = browser.new_context(
                base_url=base_url, viewport={"width": width, "height": 900}, locale="en-GB"
            )
            page = context.new_page()
            for label, path in pages:
                page.goto(path, wait_until="load")
                load_lazy_images(page)
                target = folder / file_name(label, width_name)
                page.screenshot(path=target, full_page=True)
                written.append(target)
            context.close()
        browser.close()
    return written


def load_lazy_images(page):
    """Scroll to the bottom and back, so lazy images below the fold are in the picture."""
    page.evaluate(
        "async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) {"
        " window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); }"
        " window.scrollTo(0, 0); }"
    )
    page.wait_for_load_state("networkidle")


def languages():
    return [code for code, _name in settings.LANGUAGES]
