"""Outside checks shared by the accessibility and HTML-validity tests.

axe-core and the Nu HTML Checker come from npm (`package.json`, installed by
`make test`); Java runs the checker. Both are run once per test session over
every page, so the checks stay fast enough for CI.
"""

import datetime
import io
import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage

from images.models import Image
from projects import inventory
from projects.content_types import public_types
from projects.models import CityFigure

from .factories import (
    make_centre,
    make_district,
    make_event,
    make_park,
    make_policy,
    make_record,
    make_sector,
    translated,
)
from .siting_helpers import make_cost_indicators, make_node, make_site

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

LANGUAGES = [code for code, _name in settings.LANGUAGES]

# WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

EDITOR_PASSWORD = "a-long-editor-password"


def require(tool):
    """Fail with the command that installs the npm tools when one is missing."""
    if not tool.exists():
        pytest.fail(f"{tool} is missing: run `make node_modules/.installed` (npm ci)")


# Every public page type, from the shared inventory (the benchmark measures the same).
public_pages = inventory.public_pages


def error_pages(languages=LANGUAGES):
    """What a visitor sees when something is wrong, as (label, path, HTTP status)."""
    pages = []
    for language in languages:
        with translation.override(language):
            missing = reverse("projects:park_detail", kwargs={"slug": "no-such-park"})
            too_long = reverse("projects:park_list") + "?sector=" + "x" * 2100
        pages.append((f"not found [{language}]", missing, 404))
        pages.append((f"bad request [{language}]", too_long, 400))
    return pages


def make_photo(owner, alt="A view over the site"):
    """A small photo attached to `owner`, processed into renditions like an upload."""
    buffer = io.BytesIO()
    PILImage.linear_gradient("L").resize((1200, 800)).convert("RGB").save(buffer, "JPEG")
    return Image.objects.create(
        owner=owner, file=ContentFile(buffer.getvalue(), name="photo.jpg"), alt=alt
    )


def make_sample_content(again=False):
    """One published record of each type, linked and with photos; returns slugs by kind.

    `again`: one more such set, without the city-wide figures the first one made."""
    sector, district = make_sector(), make_district()
    if not again:
        CityFigure.objects.create(
            slug="gdp", value="1.7", **translated(name={"en": "GDP", "zh-hans": "地区生产总值"})
        )
    park = make_park(
        district=district,
        is_featured=True,
        body_en="<p>Land and labs.</p>",
        latitude=36.0,
        longitude=120.1,  # on the map
    )
    park.sectors.add(sector)
    policy = make_policy(body_en="<p>Up to 5 million yuan.</p>")
    policy.sectors.add(sector)
    policy.parks.add(park)
    centre = make_centre(latitude=50.1, longitude=8.7)
    event = make_event(park=park, centre=centre)
    event.sectors.add(sector)
    site = make_site(park=park, power_kva=2000, price="20", price_basis="rent_m2_month")
    make_node()
    if not again:
        make_cost_indicators()
        for year, value in ((2021, "2100"), (2025, "2350")):  # a time series: costs, home
            make_minimum_wage(year, value)
    for record in (park, centre, event, site):
        make_photo(record)
    slugs = {
        "park": park.slug,
        "policy": policy.slug,
        "event": event.slug,
        "centre": centre.slug,
        "site": site.slug,
        **make_story_content(sector, park, centre),
    }
    # A content type registered since gets a record of its own too.
    for declared in public_types():
        if declared.key not in slugs:
            slugs[declared.key] = make_record(declared.model).slug
    return slugs


def make_minimum_wage(year, value):
    from .siting_helpers import make_indicator

    make_indicator(
        slug=f"minimum-{year}",
        kind="minimum_wage",
        level="",
        value=value,
        as_of=datetime.date(year, 10, 1),
    )


def make_story_content(sector, park, centre):
    """A story, a news item, a guide step and a bilateral figure for the stories pages."""
    from .story_factories import make_figure, make_news, make_step, make_story

    story = make_story(sector=sector, park=park, country=centre.country.code)
    make_photo(story)
    news = make_news()
    news.parks.add(park)
    make_figure(country=centre.country.code, compare_projects=True)
    make_figure(country=centre.country.code, unit="usd", value=2600000000)
    return {
        "story": story.slug,
        "news": news.slug,
        "step": make_step().slug,
        "sector": sector.slug,
        "country": centre.country.code.lower(),
    }


def make_editor():
    return User.objects.create_superuser("editor", "editor@example.com", EDITOR_PASSWORD)


def admin_pages(park):
    """The admin pages an editor works in, as (label, path)."""
    return [
        ("admin park add", reverse("admin:projects_park_add")),
        ("admin park change", reverse("admin:projects_park_change", args=[park.pk])),
        ("admin park list", reverse("admin:projects_park_changelist")),
        ("admin photo list", reverse("admin:images_image_changelist")),
        ("admin enquiry list", reverse("admin:enquiries_enquiry_changelist")),
        ("admin language", reverse("staff_admin_language")),
    ]


# The admin is checked in its content region (what editors read and fill in),
# minus widgets that ship with Django or modeltranslation and that we do not
# template ourselves; each has a known axe finding upstream:
ADMIN_AXE_CONTEXT = {
    "include": [["#content"]],
    "exclude": [
        [".select2-container"],  # Django's autocomplete: unnamed combobox and search box
        ["p.datetime"],  # Django's split date/time inputs: label points at neither input
        ["th.original"],  # Django's tabular inline: empty header over the object column
    ],
}


# --- axe-core ---------------------------------------------------------------


def run_axe(page, context=None):
    """Inject axe-core into a loaded Playwright page and return its violations."""
    require(AXE_JS)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through DevTools rather than as a <script> tag, which the
        # site's Content-Security-Policy would rightly refuse.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate(
        "([context, options]) => axe.run(context || document, options)"
        ".then(results => results.violations)",
        [context, options],
    )


def describe_violations(violations):
    """Violations as readable lines: rule, impact, help, then each offending node."""
    lines = []
    for violation in violations:
        lines.append(
            f"  [{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"      at {target}")
            lines.append(f"         {node['html'][:160]}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", " ")
                lines.append(f"         {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"      … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def axe_failures(page, pages, context=None):
    """Visit each (label, url[, status]) in one browser page; report the failing ones."""
    report = []
    for label, url, *status in pages:
        expected = status[0] if status else 200
        response = page.goto(url)
        if response is None or response.status != expected:
            report.append(f"{label} {url}: HTTP {response and response.status}, not {expected}")
            continue
        if not page.url.endswith(url):
            report.append(f"{label} {url}: ended at {page.url}")
            continue
        violations = run_axe(page, context)
        if violations:
            report.append(f"{label} {url}:\n{describe_violations(violations)}")
    return report


# --- Nu HTML Checker --------------------------------------------------------


def validate_html(documents, folder):
    """Validate {label: html} in one Java run; return {label: {"errors", "warnings"}}."""
    require(VNU_JAR)
    folder = Path(folder)
    labels = {}
    for number, (label, html) in enumerate(documents.items()):
        path = (folder / f"page-{number}.html").resolve()
        path.write_text(html, encoding="utf-8")
        labels[str(path)] = label
    command = ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]
    completed = subprocess.run(
        [*command, *labels], capture_output=True, text=True, check=True, timeout=300
    )
    # vnu writes its JSON report to stderr.
    messages = json.loads(completed.stderr)["messages"]
    results = {label: {"errors": [], "warnings": []} for label in documents}
    for message in messages:
        path = message.get("url", "").removeprefix("file:")
        label = labels.get(str(Path(path).resolve()) if path else "", "(no file)")
        is_error = message["type"] != "info" and message.get("subType") != "warning"
        found = results.setdefault(label, {"errors": [], "warnings": []})
        found["errors" if is_error else "warnings"].append(_describe_message(message))
    return results


def _describe_message(message):
    extract = message.get("extract", "").replace("\n", " ")
    return f"line {message.get('lastLine', '?')}: {message['message']}  «{extract}»"


def describe_html_errors(results, kind="errors"):
    lines = []
    for label, found in results.items():
        if found[kind]:
            lines.append(f"{label}:")
            lines.extend(f"  {line}" for line in found[kind])
    return "\n".join(lines)
