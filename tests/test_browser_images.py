"""An editor adds a photo to a park in a real browser: a bad file first, then a good one."""

import pytest
from playwright.sync_api import expect

from images.models import Image

from .browser import open_park_as_editor
from .test_images import PREFIX, photo_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_adds_a_photo_after_a_refused_file(page):
    open_park_as_editor(page)

    page.locator(f"#{PREFIX}-group .add-row a").click()
    row = f"#id_{PREFIX}-0"
    page.set_input_files(
        f"{row}-file", {"name": "roofs.jpg", "mimeType": "image/jpeg", "buffer": b"notes " * 50}
    )
    page.fill(f"{row}-alt_en", "Solar roofs of the park")
    # The Chinese description sits beside the English one.
    page.fill(f"{row}-alt_zh_hans", "园区的太阳能屋顶")
    page.click("input[name=_save]")
    expect(page.locator(".errorlist").first).to_contain_text("not a JPEG, PNG or WebP photo")
    assert not Image.objects.exists()

    photo = {"name": "roofs.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes((900, 600))}
    page.set_input_files(f"{row}-file", photo)
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    image = Image.objects.get()
    expect(page.locator(f'img[src="{image.thumbnail_url}"]')).to_have_count(1)
