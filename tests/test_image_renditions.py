"""Photo renditions come from the background worker; the upload is stored at once."""

import io
import threading

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import Client, TestCase
from django.urls import reverse

from images.files import rendition_name
from images.models import Image
from projects.models import Park

from .factories import make_park
from .test_images import media_files, park_with_photo, photo_bytes, stored_image, upload


def post_photo(client, name="roofs.jpg", size=(1200, 800), slug="sino-german-eco-park"):
    data = park_with_photo(file=upload(name, photo_bytes(size)))
    data["slug"] = slug
    return client.post(reverse("admin:projects_park_add"), data)


@pytest.mark.django_db
def test_upload_is_stored_at_once_and_rendered_by_the_worker(client, editor, media_root, worker):
    assert post_photo(client).status_code == 302
    image = Image.objects.get()
    assert image.renditions == []
    assert (image.width, image.height) == (1200, 800)
    # Nothing is on disk before the save commits.
    assert media_files(media_root) == []

    worker.run()
    image.refresh_from_db()
    assert image.renditions == [480, 960, 1200]
    assert media_files(media_root) == sorted(image.all_files())
    assert (media_root / rendition_name(image.file.name, 960, "webp")).exists()


@pytest.mark.django_db
def test_the_request_does_not_resize(client, editor, monkeypatch):
    from images import processing

    monkeypatch.setattr(
        processing, "resize", lambda *args: pytest.fail("renditions made in the request")
    )
    assert post_photo(client).status_code == 302


@pytest.mark.django_db
def test_a_rolled_back_save_leaves_no_files(media_root):
    park = make_park()
    with pytest.raises(RuntimeError), transaction.atomic():
        raw = Image(owner=park, alt_en="A park", alt_zh_hans="一个园区")
        raw.file.save("raw.jpg", ContentFile(photo_bytes((900, 600))), save=True)
        raise RuntimeError("the admin's other forms failed")
    with pytest.raises(RuntimeError), transaction.atomic():
        image = Image(owner=park, alt_en="A park", alt_zh_hans="一个园区")
        image.file = upload("upload.jpg", photo_bytes((900, 600)))
        image.save()
        raise RuntimeError("rolled back")
    assert not Image.objects.exists()
    assert media_files(media_root) == []


@pytest.mark.django_db
def test_admin_and_public_page_work_before_renditions(client, editor, media_root, worker):
    assert post_photo(client).status_code == 302
    # The original is written at commit; the worker has not run yet.
    writes = [c for c in connection.run_on_commit if "write_on_commit" in repr(c[1])]
    assert writes
    for callback in writes:
        connection.run_on_commit.remove(callback)
        callback[1]()
    park = Park.objects.get()
    image = park.images.get()
    assert image.renditions == []

    change = client.get(reverse("admin:projects_park_change", args=[park.pk]))
    assert change.status_code == 200
    assert f'src="{image.file.url}" width="120" height="80"'.encode() in change.content
    photos = client.get(reverse("admin:images_image_changelist"))
    assert photos.status_code == 200 and image.file.url.encode() in photos.content

    visitor = Client()
    page = visitor.get(park.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert f'<img src="{image.file.url}"' in html and "srcset" not in html

    worker.run()
    page = visitor.get(park.get_absolute_url())
    assert 'type="image/webp" srcset=' in page.content.decode()


@pytest.mark.django_db
def test_the_task_is_harmless_twice_and_after_a_deletion(media_root):
    from images.tasks import make_renditions

    image = stored_image(make_park(), photo_bytes((700, 500)))
    files = media_files(media_root)
    assert make_renditions.call(image.pk) == []
    assert media_files(media_root) == files
    assert make_renditions.call(999_999) == []


@pytest.mark.django_db
def test_uploading_the_same_photo_again_keeps_its_file(media_root, worker):
    content = photo_bytes((700, 500))
    image = stored_image(make_park(), content)
    image.file = upload("photo.jpg", content)
    image.save()
    worker.run()
    image.refresh_from_db()
    assert image.renditions == [480, 700]
    assert media_files(media_root) == sorted(image.all_files())


@pytest.mark.django_db
def test_demo_loader_ends_with_renditions(media_root):
    from django.core.management import call_command

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    images = list(Image.objects.all())
    assert images and all(image.renditions for image in images)


# Two uploads at once (two real gunicorn workers: tests/test_image_uploads_live.py) -------


@pytest.mark.postgres  # SQLite's shared in-memory test database locks whole tables
@pytest.mark.django_db(transaction=True)
def test_two_uploads_at_once_are_both_stored(settings, media_root):
    from django.contrib.auth.models import User

    settings.IMAGE_MAX_PIXELS = 1_000_000
    editor = User.objects.create_superuser("editor", "editor@example.com", "a-long-password")
    barrier = threading.Barrier(2)
    statuses = {}

    def upload_park(number):
        client = Client()
        client.force_login(editor)
        barrier.wait()
        try:
            response = post_photo(client, f"park-{number}.jpg", (900, 600), f"park-{number}")
            statuses[number] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=upload_park, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert statuses == {0: 302, 1: 302}
    assert Image.objects.count() == 2
    # Committed: both originals are on disk; the renditions wait for the worker.
    assert len(media_files(media_root)) == 2
    assert all(image.renditions == [] for image in Image.objects.all())
