"""The PDF renderer: tagged A4 sheets with the fonts subset into the file, in any language."""

import pytest
from django.utils import timezone

from factsheets.render import html, pdf_bytes
from tests.pdf_helpers import fonts, reader, text

SHEET = """{% extends "factsheets/sheet.html" %}{% load i18n %}
{% block title %}Sheet{% endblock %}
{% block sheet %}<h1>{% translate "Parks and zones" %}</h1><p>中德生态园 11.6 km²</p>
<img src="{{ image }}" alt="">{% endblock %}"""


@pytest.fixture
def sheet_template(settings, tmp_path):
    """A sheet template of the test's own, beside the portal's templates."""
    folder = tmp_path / "templates"
    (folder / "tests").mkdir(parents=True)
    (folder / "tests" / "sheet.html").write_text(SHEET, encoding="utf-8")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [folder, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    return "tests/sheet.html"


def context(**extra):
    return {"sheet_url": "https://invest.example/en/parks/x/", "image": "", **extra}


def test_chinese_text_is_selectable_and_the_font_embedded_as_a_subset(sheet_template):
    data = pdf_bytes(sheet_template, context(), language="zh-hans")

    assert data.startswith(b"%PDF-")
    printed = text(data)
    assert "园区与功能区" in printed  # the Chinese interface string
    assert "中德生态园" in printed and "投资青岛" in printed
    embedded = fonts(data)
    assert embedded and all(file is not None for file in embedded.values())
    # A subset's name starts with a six-letter tag: ABCDEF+Noto-Sans-CJK-SC.
    assert all(name[7] == "+" and "CJK" in name for name in embedded)
    assert len(data) < 250_000


def test_the_sheet_is_tagged_with_its_language_and_printed_on_a4(sheet_template):
    pdf = reader(pdf_bytes(sheet_template, context(), language="en"))

    root = pdf.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF boolean object)
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    width, height = (round(float(v) * 25.4 / 72) for v in pdf.pages[0].mediabox[2:])
    assert (width, height) == (210, 297)


def test_footer_gives_the_date_generated_the_link_back_and_page_numbers(sheet_template):
    generated = timezone.make_aware(timezone.datetime(2026, 3, 5, 10))
    data = pdf_bytes(sheet_template, context(generated=generated), language="zh-hans")

    printed = text(data)
    assert "2026年3月5日" in printed
    assert "https://invest.example/en/parks/x/" in printed
    assert "1 / 1" in printed
    links = [a["/A"]["/URI"] for a in reader(data).pages[0]["/Annots"]]
    assert "https://invest.example/en/parks/x/" in links


def test_a_bilingual_sheet_prints_each_language_on_its_own_pages(sheet_template):
    pdf = reader(pdf_bytes(sheet_template, context(), language=("en", "zh-hans")))

    assert len(pdf.pages) == 2
    assert "Parks and zones" in pdf.pages[0].extract_text()
    assert "园区与功能区" in pdf.pages[1].extract_text()
    assert "2 / 2" in pdf.pages[1].extract_text()


def test_the_html_carries_each_language(sheet_template):
    printed = html(sheet_template, context(), language=("en", "zh-hans"))

    assert '<html lang="en">' in printed
    assert 'lang="zh-Hans"' in printed


def png(path):
    from PIL import Image

    Image.new("RGB", (8, 8), "red").save(path)
    return path


def test_only_data_urls_are_fetched(sheet_template, tmp_path):
    """Nothing in the content can make the worker read a file or the network."""
    import base64

    image = png(tmp_path / "red.png")
    inline = "data:image/png;base64," + base64.b64encode(image.read_bytes()).decode()

    def images(url):
        pdf = reader(pdf_bytes(sheet_template, context(image=url), language="en"))
        return pdf.pages[0]["/Resources"].get("/XObject") or {}

    assert images(inline)
    assert not images(image.as_uri())


def test_importing_the_renderer_leaves_pillow_refusing_truncated_images():
    from PIL import ImageFile

    import factsheets.render  # noqa: F401

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
