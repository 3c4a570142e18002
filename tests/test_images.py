"""Photos: uploads checked by decoding, processed once, served responsive."""

import io
import re
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from PIL import ExifTags, ImageCms
from PIL import Image as PILImage

from images.files import rendition_name
from images.models import Image
from images.processing import rendition_widths
from images.publishing import images_missing_alt
from images.tasks import make_renditions
from images.validation import open_checked
from projects.models import Park

from .factories import make_centre, make_event, make_park, make_policy

pytestmark = pytest.mark.django_db

PREFIX = "images-image-content_type-object_id"


# Crafted files -------------------------------------------------------------


def photo_bytes(size=(2400, 1600), fmt="JPEG", exif=None, mode="RGB"):
    """A photo with some detail, so that encoders have work to do."""
    image = PILImage.linear_gradient("L").resize(size).convert(mode)
    buffer = io.BytesIO()
    image.save(buffer, fmt, **({"exif": exif} if exif else {}))
    return buffer.getvalue()


def gps_exif(orientation=None):
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (36.0, 4.0, 1.5),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (120.0, 22.0, 58.0),
    }
    return exif


def png_declaring(width, height):
    """A PNG whose header claims width × height pixels; the pixels are never made."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)

BAD_FILES = {
    "text renamed .jpg": ("photo.jpg", b"Just some words, not a photo.\n" * 20, "not a JPEG"),
    "svg with script": ("logo.svg", SVG_WITH_SCRIPT, "not a JPEG"),
    "svg renamed .png": ("logo.png", SVG_WITH_SCRIPT, "not a JPEG"),
    "truncated jpeg": ("cut.jpg", photo_bytes((600, 400))[:3000], "damaged or incomplete"),
    "png bomb": ("bomb.png", png_declaring(50_000, 50_000), "more than 40,000,000 pixels"),
    "endless strip": ("strip.png", png_declaring(16_384, 2), "neither side may be longer"),
    "gif": ("anim.gif", photo_bytes((20, 20), "GIF", mode="L"), "not a JPEG"),
}
# Refused by Django's file field before the photo checks run.
EMPTY_FILE = {"empty": ("empty.jpg", b"", "The submitted file is empty")}


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def stored_image(park, content, name="photo.jpg", renditions=True, **fields):
    """The demo loader's path: save the file through the field, then the row; then, as
    after a commit, the original is written and the worker's task makes the renditions."""
    fields = {"alt_en": "A park", "alt_zh_hans": "一个园区", **fields}
    image = Image(owner=park, **fields)
    with TestCase.captureOnCommitCallbacks(execute=True):
        image.file.save(name, ContentFile(content), save=True)
    if renditions:
        make_renditions.call(image.pk)
        image.refresh_from_db()
    return image


def media_files(media_root):
    """Every stored file but the PDF fact sheets the worker prints for a park saved here."""
    return sorted(
        str(p.relative_to(media_root))
        for p in media_root.rglob("*")
        if p.is_file() and p.relative_to(media_root).parts[0] != "factsheets"
    )


# Validation ----------------------------------------------------------------


@pytest.mark.parametrize("case", BAD_FILES, ids=str)
def test_bad_files_are_refused_with_a_clear_reason(case):
    name, content, reason = BAD_FILES[case]
    with pytest.raises(ValidationError) as refused:
        open_checked(ContentFile(content, name=name))
    assert reason in str(refused.value)


def test_pixel_limit_is_read_from_the_header_before_decoding(settings, monkeypatch):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    too_wide = ContentFile(photo_bytes((101, 100), "PNG"), name="wide.png")
    monkeypatch.setattr(
        PILImage.Image, "load", lambda self: pytest.fail("pixels decoded before the check")
    )
    with pytest.raises(ValidationError, match="more than 10,000 pixels"):
        open_checked(too_wide)


def test_byte_limit(settings):
    settings.IMAGE_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="photos may be at most 1000"):
        open_checked(ContentFile(photo_bytes((600, 400)), name="big.jpg"))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_real_photos_are_accepted_whatever_their_name(fmt):
    photo = open_checked(ContentFile(photo_bytes((60, 40), fmt), name="photo.txt"))
    assert photo.size == (60, 40)


def test_code_path_refuses_bad_files_too_and_keeps_nothing(media_root):
    park = make_park()
    with pytest.raises(ValidationError):
        stored_image(park, b"not a photo", name="photo.jpg")
    assert not Image.objects.exists()
    assert media_files(media_root) == []


# Processing ----------------------------------------------------------------


def test_renditions_at_the_expected_widths_never_upscaled():
    assert rendition_widths(2400) == [480, 960, 1600]
    assert rendition_widths(1200) == [480, 960, 1200]
    assert rendition_widths(1000) == [480, 960]
    assert rendition_widths(1600) == [480, 960, 1600]
    assert rendition_widths(300) == [300]


def test_upload_is_stored_with_renditions_in_webp_and_jpeg(media_root):
    image = stored_image(make_park(), photo_bytes((2400, 1600)))
    assert (image.width, image.height) == (2400, 1600)
    assert image.renditions == [480, 960, 1600]
    assert re.fullmatch(r"images/\d{4}/\d\d/photo-[0-9a-f]{10}\.jpg", image.file.name)
    assert media_files(media_root) == sorted(image.all_files())
    for width in (480, 960, 1600):
        for ext, fmt in (("webp", "WEBP"), ("jpg", "JPEG")):
            name = rendition_name(image.file.name, width, ext)
            with PILImage.open(media_root / name) as rendition:
                assert rendition.format == fmt
                assert rendition.size == (width, round(1600 * width / 2400))


def test_processing_is_done_once(media_root, django_assert_num_queries):
    image = stored_image(make_park(), photo_bytes((600, 400)))
    before = media_files(media_root)
    image = Image.objects.get()
    image.caption_en = "Updated caption"
    image.save()
    assert media_files(media_root) == before


def assert_no_metadata(path):
    with PILImage.open(path) as photo:
        assert not photo.getexif(), path
        assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(photo.info), path
    raw = path.read_bytes()
    assert b"Exif" not in raw and b"PhoneMaker" not in raw, path


def test_gps_and_all_metadata_are_stripped_from_original_and_renditions(media_root):
    image = stored_image(make_park(), photo_bytes((1000, 800), exif=gps_exif()))
    assert len(image.all_files()) == 5
    for name in image.all_files():
        assert_no_metadata(media_root / name)


def test_rotated_phone_photo_is_stored_upright(media_root):
    # Sensor pixels 1200 × 800; orientation 6 means "turn 90° clockwise to view".
    image = stored_image(make_park(), photo_bytes((1200, 800), exif=gps_exif(orientation=6)))
    assert (image.width, image.height) == (800, 1200)
    with PILImage.open(media_root / image.file.name) as original:
        assert original.size == (800, 1200)
        assert not original.getexif()
    assert image.renditions == [480, 800]


def test_colour_profile_is_applied_then_dropped_and_cmyk_becomes_rgb(media_root):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    PILImage.new("CMYK", (300, 200), (0, 200, 200, 0)).save(buffer, "JPEG", icc_profile=profile)
    image = stored_image(make_park(), buffer.getvalue(), "print.jpg")
    for name in image.all_files():
        with PILImage.open(media_root / name) as stored:
            assert stored.mode == "RGB" and "icc_profile" not in stored.info, name


def test_transparent_png_keeps_its_format_and_flattens_for_jpeg(media_root):
    image = stored_image(make_park(), photo_bytes((500, 300), "PNG", mode="RGBA"), "logo.webp")
    assert re.search(r"/logo-[0-9a-f]{10}\.png$", image.file.name)
    with PILImage.open(media_root / image.file.name) as original:
        assert original.format == "PNG" and original.mode == "RGBA"


def test_replacing_a_photo_removes_its_old_files(media_root, django_capture_on_commit_callbacks):
    image = stored_image(make_park(), photo_bytes((1000, 700)), "old.jpg")
    old_files = image.all_files()
    image = Image.objects.get()
    image.file = upload("new.jpg", photo_bytes((700, 500)))
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert re.search(r"/new-[0-9a-f]{10}\.jpg$", image.file.name)
    assert media_files(media_root) == sorted(image.all_files())
    assert not set(old_files) & set(media_files(media_root))


def test_deleting_a_photo_or_its_owner_removes_the_files(
    media_root, django_capture_on_commit_callbacks
):
    park = make_park()
    first = stored_image(park, photo_bytes((600, 400)), "first.jpg")
    stored_image(park, photo_bytes((600, 400)), "second.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert media_files(media_root) and "first" not in " ".join(media_files(media_root))
    with django_capture_on_commit_callbacks(execute=True):
        park.delete()
    assert media_files(media_root) == []


def test_a_copied_row_keeps_the_files_it_shares(media_root, django_capture_on_commit_callbacks):
    image = stored_image(make_park(), photo_bytes((600, 400)))
    names = media_files(media_root)
    copy = Image.objects.get()
    copy.pk = None
    copy.save()
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert media_files(media_root) == names
    with django_capture_on_commit_callbacks(execute=True):
        copy.delete()
    assert media_files(media_root) == []


# Admin ---------------------------------------------------------------------


def park_with_photo(park=None, status=Park.Status.PUBLISHED, **photo):
    """The admin form of a park carrying one new photo."""
    data = {
        "name_en": "Sino-German Eco-Park",
        "name_zh_hans": "中德生态园",
        "kind": Park.Kind.INDUSTRIAL_PARK,
        "summary_en": "A low-carbon park.",
        "summary_zh_hans": "低碳园区。",
        "slug": park.slug if park else "sino-german-eco-park",
        "status": status,
        "figures-TOTAL_FORMS": 0,
        "figures-INITIAL_FORMS": 0,
        f"{PREFIX}-TOTAL_FORMS": 1,
        f"{PREFIX}-INITIAL_FORMS": 0,
        f"{PREFIX}-0-alt_en": "Solar roofs of the park",
        f"{PREFIX}-0-alt_zh_hans": "园区的太阳能屋顶",
        f"{PREFIX}-0-position": 0,
    }
    data.update({f"{PREFIX}-0-{key}": value for key, value in photo.items()})
    return data


@pytest.mark.parametrize("case", {**BAD_FILES, **EMPTY_FILE}, ids=str)
def test_admin_refuses_a_bad_upload_with_a_form_error(client, editor, case):
    name, content, reason = {**BAD_FILES, **EMPTY_FILE}[case]
    response = client.post(
        reverse("admin:projects_park_add"), park_with_photo(file=upload(name, content))
    )
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not Image.objects.exists() and not Park.objects.exists()


def test_admin_refuses_a_bad_replacement_on_the_change_page(client, editor):
    park = make_park()
    image = stored_image(park, photo_bytes((600, 400)))
    data = park_with_photo(park, file=upload("new.jpg", photo_bytes((600, 400))[:2000]))
    data.update({f"{PREFIX}-INITIAL_FORMS": 1, f"{PREFIX}-0-id": image.pk})
    response = client.post(reverse("admin:projects_park_change", args=[park.pk]), data)
    assert response.status_code == 200
    assert "damaged or incomplete" in response.content.decode()
    assert Image.objects.get().file.name == image.file.name


def test_admin_upload_is_processed_and_shown_as_thumbnail(client, editor, media_root, worker):
    response = client.post(
        reverse("admin:projects_park_add"),
        park_with_photo(file=upload("roofs.jpg", photo_bytes((1200, 800), exif=gps_exif(6)))),
    )
    assert response.status_code == 302
    worker.run()
    image = Park.objects.get().images.get()
    assert (image.width, image.height, image.renditions) == (800, 1200, [480, 800])
    for name in image.all_files():
        assert_no_metadata(media_root / name)
    html = client.get(reverse("admin:projects_park_change", args=[image.object_id])).content
    assert f'src="{image.thumbnail_url}" width="120" height="180"'.encode() in html


def test_published_park_needs_alt_text_in_every_language(client, editor):
    data = park_with_photo(file=upload("roofs.jpg", photo_bytes((600, 400))), alt_zh_hans="")
    response = client.post(reverse("admin:projects_park_add"), data)
    assert response.status_code == 200
    assert "Describe the photo in Simplified Chinese" in response.content.decode()
    assert not Image.objects.exists()

    data[f"{PREFIX}-0-file"] = upload("roofs.jpg", photo_bytes((600, 400)))
    data["status"] = Park.Status.DRAFT
    response = client.post(reverse("admin:projects_park_add"), data)
    assert response.status_code == 302
    park = Park.objects.get()
    assert images_missing_alt(park) == [park.images.get()]


def test_publish_action_skips_records_with_undescribed_photos(client, editor):
    ready = make_park(status=Park.Status.DRAFT)
    stored_image(ready, photo_bytes((100, 80)))
    undescribed = make_park(status=Park.Status.DRAFT)
    stored_image(undescribed, photo_bytes((100, 80)), alt_zh_hans="")
    client.post(
        reverse("admin:projects_park_changelist"),
        {"action": "publish", "_selected_action": [ready.pk, undescribed.pk]},
    )
    assert set(Park.objects.published()) == {ready}
    assert images_missing_alt(make_policy()) == []


# Template ------------------------------------------------------------------


def render_picture(**context):
    return render_to_string("images/picture.html", context)


def test_picture_has_sources_dimensions_and_lazy_loading(django_assert_num_queries):
    image = stored_image(make_park(), photo_bytes((2400, 1600)))
    image = Image.objects.get()
    with django_assert_num_queries(0):
        html = render_picture(image=image, sizes="(min-width: 60rem) 50vw, 100vw", lazy=True)
    url = image.rendition_url
    assert f'srcset="{url(480, "webp")} 480w, {url(960, "webp")} 960w, ' in html
    assert f'{url(1600, "jpg")} 1600w"' in html
    assert 'sizes="(min-width: 60rem) 50vw, 100vw"' in html
    assert 'width="2400" height="1600"' in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html
    assert 'loading="lazy"' not in render_picture(image=image)
    assert 'fetchpriority="high"' in render_picture(image=image, priority=True)
    assert "fetchpriority" not in html


def test_picture_alt_falls_back_between_languages_and_shows_credit():
    image = stored_image(make_park(), photo_bytes((300, 200)), credit="Li Wei")
    image.alt_zh_hans = ""
    image.caption_en = "Harbour at dusk"
    with translation.override("zh-hans"):
        html = render_picture(image=image, figure=True)
    assert 'alt="A park"' in html
    assert "<figcaption>Harbour at dusk" in html and "Li Wei" in html
    with translation.override("en"):
        assert "<figure" not in render_picture(image=image)


def test_chinese_admin_explains_the_refusal_in_chinese(client, editor):
    response = client.post(
        reverse("admin:projects_park_add"),
        park_with_photo(file=upload("logo.svg", SVG_WITH_SCRIPT)),
        headers={"accept-language": "zh-hans"},
    )
    assert response.status_code == 200
    assert "不是 JPEG、PNG 或 WebP 图片" in response.content.decode()


# Photo list ----------------------------------------------------------------


def test_photo_list_shows_thumbnails_and_finds_missing_alt(client, editor):
    park = make_park()
    described = stored_image(park, photo_bytes((600, 400)), "described.jpg")
    undescribed = stored_image(make_park(status=Park.Status.DRAFT), photo_bytes((600, 400)))
    Image.objects.filter(pk=undescribed.pk).update(alt_zh_hans="")
    url = reverse("admin:images_image_changelist")
    response = client.get(url)
    html = response.content.decode()
    assert f'src="{described.thumbnail_url}" width="120" height="80"' in html
    assert reverse("admin:projects_park_change", args=[park.pk]) in html
    response = client.get(url, {"alt": "missing"})
    assert list(response.context["cl"].queryset) == [undescribed]
    assert client.get(reverse("admin:images_image_add")).status_code == 403


def test_photo_list_queries_do_not_grow_with_photos(client, editor, django_assert_max_num_queries):
    for _n in range(6):
        stored_image(make_park(), photo_bytes((100, 80)))
    with django_assert_max_num_queries(10):
        assert client.get(reverse("admin:images_image_changelist")).status_code == 200


@pytest.mark.parametrize("make_owner", [make_park, make_event, make_centre])
def test_record_lists_show_the_first_photo(
    client, editor, make_owner, django_assert_max_num_queries
):
    owner = make_owner()
    stored_image(owner, photo_bytes((300, 200)), "second.jpg", position=2)
    hero = stored_image(owner, photo_bytes((300, 200)), "hero.jpg", position=1)
    make_owner()  # a record without photos
    url = reverse(f"admin:projects_{owner._meta.model_name}_changelist")
    # 12: the country filter asks which countries occur (events, centres).
    with django_assert_max_num_queries(12):
        html = client.get(url).content.decode()
    assert f'src="{hero.thumbnail_url}" width="64" height="43"' in html
    assert html.count('width="64"') == 1


def test_photo_of_a_published_record_keeps_its_alt_text(client, editor):
    image = stored_image(make_park(), photo_bytes((600, 400)))
    url = reverse("admin:images_image_change", args=[image.pk])
    data = {"alt_en": "Solar roofs", "alt_zh_hans": "", "position": 0}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Describe the photo in Simplified Chinese" in response.content.decode()
    data["alt_zh_hans"] = "太阳能屋顶"
    assert client.post(url, data).status_code == 302
    image.refresh_from_db()
    assert image.alt_zh_hans == "太阳能屋顶"


def test_image_weight_prints_the_rendition_a_browser_picks(tmp_path, capsys):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(photo_bytes((2400, 1600)))
    call_command("image_weight", str(photo), "--slot", "1170", "--slot", "320")
    out = capsys.readouterr().out
    assert "original 2400×1600" in out
    assert "slot 1170 px → 1600w" in out and "slot 320 px → 480w" in out
    (tmp_path / "notes.jpg").write_text("not a photo")
    with pytest.raises(CommandError, match="not a JPEG"):
        call_command("image_weight", str(tmp_path / "notes.jpg"), "--slot", "960")


def test_upload_field_states_the_limits(client, editor):
    html = client.get(reverse("admin:projects_park_add")).content.decode()
    assert "JPEG, PNG or WebP, at most 15.0\xa0MB and 40 megapixels" in html
    assert 'accept="image/jpeg,image/png,image/webp"' in html
