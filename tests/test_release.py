"""Kept fragments belong to a release (web/release.py): a deploy that changes a template,
a translation or the code never serves what the old release rendered."""

from web import fragments, release


def test_a_changed_template_is_another_release(settings, tmp_path):
    settings.RELEASE = ""
    settings.BASE_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "collected"
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>{{ park.name }}</p>")
    (tmp_path / "notes.txt").write_text("not rendered")
    first = release.digest()
    release.digest.cache_clear()
    (tmp_path / "notes.txt").write_text("still not rendered")
    assert release.digest() == first
    release.digest.cache_clear()
    page.write_text("<p class='name'>{{ park.name }}</p>")
    assert release.digest() != first


def test_collected_static_names_are_part_of_the_release(settings, tmp_path):
    settings.RELEASE = ""
    settings.BASE_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path
    first = release.digest()
    release.digest.cache_clear()
    (tmp_path / "staticfiles.json").write_text('{"paths": {"css/site.css": "css/site.1.css"}}')
    assert release.digest() != first


def test_the_release_is_in_every_fragment_key(settings):
    settings.RELEASE = "2026.12.1"
    key = fragments.key_for("footer", None, (), {fragments.page_groups.OTHERS: 1})
    assert key.startswith("fragment:2026.12.1:footer:")
    # A changed setting is another release at once.
    settings.RELEASE = "2026.12.2"
    assert fragments.key_for("footer", None, (), {fragments.page_groups.OTHERS: 1}) != key
