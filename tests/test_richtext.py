import pytest
from django.template import Context, Template

from projects.richtext import clean_html

from .factories import make_park


def render(value):
    return Template("{% load richtext %}{{ value|richtext }}").render(Context({"value": value}))


def test_script_and_event_handlers_are_removed():
    cleaned = clean_html('<p onclick="x()">Hi<script>alert(1)</script></p><img src=x onerror=y>')
    assert cleaned == "<p>Hi</p>"


def test_links_keep_href_and_gain_rel():
    cleaned = clean_html('<a href="https://example.com" target="_blank">site</a>')
    assert cleaned == '<a href="https://example.com" rel="noopener noreferrer">site</a>'


def test_javascript_links_are_dropped():
    assert clean_html('<a href="javascript:alert(1)">x</a>') == '<a rel="noopener noreferrer">x</a>'


def test_plain_text_renders_as_escaped_paragraphs():
    assert render("First & second\n\nThird") == "<p>First &amp; second</p>\n\n<p>Third</p>"


def test_html_is_cleaned_again_on_render():
    assert render("<p>ok</p><script>bad()</script>") == "<p>ok</p>"


@pytest.mark.django_db
def test_body_is_cleaned_on_save():
    park = make_park(
        body_en="<p>Eco</p><script>x</script>", body_zh_hans="<p>生态</p><iframe></iframe>"
    )
    park.refresh_from_db()
    assert (park.body_en, park.body_zh_hans) == ("<p>Eco</p>", "<p>生态</p>")
