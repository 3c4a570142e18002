"""Every page type, in every language, fits a phone and is easy to tap; grids stay balanced.

A phone is 390 px wide: nothing may scroll sideways, and every link, button or
field a finger aims at is at least 24 × 24 px (WCAG 2.2, 2.5.8), except a link
inside a sentence, which the criterion exempts. Card grids and fact tiles never
leave one tile alone on their last row, on a phone or on a desktop.
"""

import pytest

from .quality import make_sample_content, public_pages

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Elements wider than the viewport, described as "tag.class (right edge px)", or
# the header's wordmark and language switcher on top of each other.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const range = document.createRange();  // the wordmark's ink, even where it overflows its box
  range.selectNodeContents(document.querySelector('.brand'));
  const brand = range.getBoundingClientRect();
  const languages = document.querySelector('.language-switcher').getBoundingClientRect();
  const overlap = brand.right > languages.left && brand.bottom > languages.top
    && languages.bottom > brand.top;
  if (overlap) return ['the wordmark runs into the language switcher'];
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .slice(0, 5)
    .map(e => {
      const right = Math.round(e.getBoundingClientRect().right);
      return `${e.tagName.toLowerCase()}.${e.className} (${right} px)`;
    });
}"""

# Visible targets under 24 × 24 px that are not a link within a sentence.
SMALL_TARGETS_JS = """() => {
  const inSentence = (e) => {
    if (e.tagName !== 'A') return false;
    const block = e.closest('p, li, dd, td, th, figcaption, blockquote');
    return block && block.textContent.trim().length > e.textContent.trim().length + 1;
  };
  const targets = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  return [...document.querySelectorAll(targets)]
    .filter(e => {
      const box = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      if (!box.width || !box.height || style.visibility === 'hidden') return false;
      if (e.closest('.visually-hidden, .skip-link')) return false;
      return (box.width < 24 || box.height < 24) && !inSentence(e);
    })
    .slice(0, 5)
    .map(e => {
      const box = e.getBoundingClientRect();
      const name = (e.textContent || e.name || '').trim().slice(0, 40);
      const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
      return `${e.tagName.toLowerCase()} "${name}" ${size}`;
    });
}"""

# Grids (cards, fact tiles) of more than one column whose last row holds one
# tile that does not fill the row.
LONE_TILES_JS = """() => [...document.querySelectorAll('.cards, .figures')].filter(grid => {
  const tiles = [...grid.children].filter(e => e.getBoundingClientRect().height);
  if (tiles.length < 2) return false;
  const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').length;
  const last = tiles[tiles.length - 1];
  const top = last.getBoundingClientRect().top;
  const onLastRow = tiles.filter(e => Math.abs(e.getBoundingClientRect().top - top) < 2);
  const fills = last.getBoundingClientRect().width > grid.getBoundingClientRect().width * 0.9;
  return columns > 1 && onLastRow.length === 1 && !fills;
}).map(grid => `${grid.className} of ${grid.children.length}`)"""

# Tiles squeezed narrower than 12 rem (192 px) on a desktop.
NARROW_TILES_JS = """() => [...document.querySelectorAll('.cards > *, .figures > *')]
  .filter(tile => tile.getBoundingClientRect().height && tile.getBoundingClientRect().width < 192)
  .slice(0, 3)
  .map(tile => `${tile.parentElement.className} > ${tile.className}`
    + ` ${Math.round(tile.getBoundingClientRect().width)} px`)"""


def check(page, pages, script):
    report = []
    for label, url in pages:
        response = page.goto(url)
        assert response.status == 200, f"{label} {url}: HTTP {response.status}"
        found = page.evaluate(script)
        if found:
            report.append(f"{label} {url}: " + "; ".join(found))
    return report


@pytest.fixture
def pages(db):
    return public_pages(make_sample_content())


def test_no_page_scrolls_sideways_on_a_phone(page, pages):
    page.set_viewport_size(PHONE)
    report = check(page, pages, OVERFLOW_JS)
    assert not report, "wider than a 390 px phone:\n" + "\n".join(report)


def test_every_tap_target_is_at_least_24_px_on_a_phone(page, pages):
    page.set_viewport_size(PHONE)
    report = check(page, pages, SMALL_TARGETS_JS)
    assert not report, "tap targets under 24 × 24 px at 390 px:\n" + "\n".join(report)


def test_no_card_or_tile_is_squeezed_on_a_desktop(page, pages):
    page.set_viewport_size(DESKTOP)
    report = check(page, pages, NARROW_TILES_JS)
    assert not report, "tiles narrower than 192 px at 1280 px:\n" + "\n".join(report)


def test_the_checks_see_what_they_look_for(page, live_server):
    """A page too wide, with a tiny button and 13 tiles (4 + 4 + 4 + 1), fails all three."""
    page.set_viewport_size(DESKTOP)
    page.goto("/en/")
    page.evaluate(
        """() => {
        const main = document.querySelector('main');
        const tiles = Array.from({length: 13}, (_, n) => `<div>${n}</div>`).join('');
        main.insertAdjacentHTML('beforeend', `<div class="figures">${tiles}</div>`
          + '<button class="tiny">x</button><div class="wide">x</div>');
        const tiny = document.querySelector('.tiny');
        tiny.style.cssText = 'width:10px;height:10px;padding:0;min-height:0';
        document.querySelector('.wide').style.width = '3000px';
    }"""
    )
    assert page.evaluate(OVERFLOW_JS)
    assert page.evaluate(SMALL_TARGETS_JS) == ['button "x" 10×10']
    assert page.evaluate(LONE_TILES_JS) == ["figures of 13"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize(("figures", "parks"), [(8, 4), (5, 5), (7, 6), (3, 2)])
def test_no_grid_leaves_a_lone_tile_on_its_last_row(page, viewport, figures, parks):
    from projects.models import CityFigure

    from .factories import make_park, translated

    for number in range(figures):
        CityFigure.objects.create(
            slug=f"figure-{number}",
            value=str(number + 1),
            position=number,
            **translated(name={"en": f"Figure {number}", "zh-hans": f"数据{number}"}),
        )
    for _park in range(parks):
        make_park(is_featured=True)
    page.set_viewport_size(viewport)
    report = check(page, [("home [en]", "/en/"), ("home [zh-hans]", "/zh-hans/")], LONE_TILES_JS)
    assert not report, "lone tiles:\n" + "\n".join(report)
