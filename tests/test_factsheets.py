"""Park and site fact sheets: printed by the worker after a change, served as stored files."""

from unittest import mock

import pytest
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from factsheets.kinds import ALL_LANGUAGES, variants
from factsheets.models import Sheet
from factsheets.services import make_sheets
from localisation.units import Unit
from projects.models import Park, ParkFigure
from tests.factories import bilingual, make_park, make_sector
from tests.pdf_helpers import fonts, reader, text
from tests.siting_helpers import make_node, make_site

pytestmark = pytest.mark.django_db

# A park sheet must stay small enough to mail: one CJK weight, a vector map.
PARK_SHEET_MAX_BYTES = 400_000


def eco_park(**fields):
    park = make_park(
        slug="eco-park",
        latitude="36.000000",
        longitude="120.100000",
        area_km2="11.60",
        established_year=2010,
        contact_email="eco@qingdao.example",
        **bilingual("name", "Sino-German Eco-Park", "中德生态园"),
        **fields,
    )
    ParkFigure.objects.create(
        park=park,
        value="2600000000",
        unit=Unit.USD,
        year=2019,
        position=1,
        **bilingual("label", "German investment", "德资投资总额"),
        **bilingual("source_name", "Investment guide", "投资指南"),
    )
    return park


def sheet_of(record, variant, kind="park"):
    sheet = Sheet.objects.get(kind=kind, record_id=record.pk, variant=variant)
    with sheet.file.open("rb") as stored:
        return stored.read()


def tasks_for_sheets():
    return DBTaskResult.objects.filter(task_path="factsheets.tasks.make_sheets")


def test_the_worker_prints_every_variant_after_the_park_is_saved(worker):
    park = eco_park()
    make_node()

    worker.run()

    assert set(Sheet.objects.filter(record_id=park.pk).values_list("variant", flat=True)) == set(
        variants()
    )
    chinese = text(sheet_of(park, "zh-hans"))
    assert "中德生态园" in chinese and "26亿美元" in chinese
    assert "2019年" in chinese and "投资指南" in chinese  # the figure's year and source
    assert "11.6平方公里" in chinese
    english = text(sheet_of(park, "en"))
    assert "Sino-German Eco-Park" in english and "US$2.6 billion" in english
    assert "中德生态园" not in english
    both = text(sheet_of(park, ALL_LANGUAGES))
    assert "Sino-German Eco-Park" in both and "中德生态园" in both


def test_a_park_sheet_embeds_one_subset_font_and_stays_small(worker):
    park = eco_park()
    worker.run()

    for variant in variants():
        data = sheet_of(park, variant)
        assert len(data) < PARK_SHEET_MAX_BYTES, variant
        embedded = fonts(data)
        assert len(embedded) == 1, embedded  # one CJK weight for every script
        assert all(file is not None for file in embedded.values())
        assert reader(data).trailer["/Root"]["/StructTreeRoot"]


def test_a_change_reprints_only_what_changed(worker):
    park = eco_park()
    worker.run()
    before = {s.variant: s.file.name for s in Sheet.objects.filter(record_id=park.pk)}

    park.name_en = "Sino-German Eco-Park, Qingdao"
    park.save()
    worker.run()

    after = {s.variant: s.file.name for s in Sheet.objects.filter(record_id=park.pk)}
    assert after["zh-hans"] == before["zh-hans"]  # the Chinese sheet prints the same
    assert after["en"] != before["en"] and after[ALL_LANGUAGES] != before[ALL_LANGUAGES]
    assert "Sino-German Eco-Park, Qingdao" in text(sheet_of(park, "en"))
    storage = Sheet.objects.first().file.storage
    assert storage.exists(before["en"])  # kept until the new row is committed
    worker.run()  # the commit callbacks of the worker's own transaction
    assert not storage.exists(before["en"])


def test_a_new_figure_reprints_the_park_sheet(worker):
    park = eco_park()
    worker.run()

    ParkFigure.objects.create(
        park=park, value="356", year=2019, position=2, **bilingual("label", "Projects", "项目")
    )
    worker.run()

    assert "356" in text(sheet_of(park, "en"))


def test_one_task_per_record_and_transaction(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        park = eco_park()  # the park, then its figure
        park.sectors.add(make_sector())

    assert list(tasks_for_sheets().values_list("args_kwargs", flat=True)) == [
        {"args": ["park", park.pk], "kwargs": {}}
    ]


def test_an_unpublished_park_loses_its_sheets(worker):
    park = eco_park()
    worker.run()
    names = [s.file.name for s in Sheet.objects.filter(record_id=park.pk)]

    park.status = Park.Status.DRAFT
    park.save()
    worker.run()
    worker.run()  # the commit callbacks of the worker's own transaction

    assert not Sheet.objects.filter(record_id=park.pk).exists()
    assert not any(Sheet.file.field.storage.exists(name) for name in names)


def test_a_site_sheet_gives_its_park_area_and_distances(worker):
    park = eco_park()
    make_node(**bilingual("name", "Qianwan port area", "前湾港区"))
    site = make_site(park=park, area_m2="8400", **bilingual("name", "Factory No. 1", "一号厂房"))

    worker.run()

    chinese = text(sheet_of(site, "zh-hans", kind="site"))
    assert "一号厂房" in chinese and "中德生态园" in chinese
    assert "8400平方米" in chinese and "前湾港区" in chinese
    assert "一号厂房" in text(sheet_of(park, "zh-hans"))  # the park's sheet lists it


def test_the_chinese_sheet_reads_as_chinese():
    from factsheets.kinds import KINDS
    from factsheets.render import html
    from factsheets.selectors import park_sheet
    from tests.chinese_reading import problems

    park = eco_park(**bilingual("summary", "Sino-German.", "中德两国政府合作的生态园区。"))
    make_site(park=park, **bilingual("name", "Factory No. 1", "一号厂房"))
    make_node(**bilingual("name", "Qianwan port area", "前湾港区"))

    printed = html(KINDS["park"].template, park_sheet(park.slug), language="zh-hans")

    assert problems(printed) == []
    assert "<title>中德生态园 · 资料页 · 投资青岛</title>" in printed


class TestServing:
    @pytest.fixture
    def printed(self, worker):
        park = eco_park()
        worker.run()
        return park

    def url(self, language, slug="eco-park", kind="park"):
        with translation.override(language):
            return reverse(f"factsheets:{kind}", kwargs={"slug": slug})

    @pytest.mark.parametrize("language", ["en", "zh-hans"])
    def test_the_stored_file_is_streamed_in_both_languages(self, client, printed, language):
        response = client.get(self.url(language), {"lang": language})

        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert 'filename="eco-park-' in response["Content-Disposition"]
        data = b"".join(response.streaming_content)
        assert data == sheet_of(printed, language)

    def test_without_lang_the_sheet_in_every_language(self, client, printed):
        response = client.get(self.url("zh-hans"))

        assert b"".join(response.streaming_content) == sheet_of(printed, ALL_LANGUAGES)

    def test_serving_reads_two_rows(self, client, printed, django_assert_num_queries):
        with django_assert_num_queries(2):  # the park, its sheet
            response = client.get(self.url("en"))
        assert response.status_code == 200

    @pytest.mark.parametrize("language", ["en", "zh-hans"])
    def test_unknown_slug_draft_and_unknown_language_are_404(self, client, printed, language):
        make_park(slug="draft-park", status=Park.Status.DRAFT)

        assert client.get(self.url(language, "no-such-park")).status_code == 404
        assert client.get(self.url(language, "draft-park")).status_code == 404
        assert client.get(self.url(language, kind="site")).status_code == 404
        for bad in ("fr", "en,zh-hans", "../../etc/passwd", ""):
            status = client.get(self.url(language), {"lang": bad}).status_code
            assert status == (200 if bad == "" else 404), bad

    @pytest.mark.parametrize("language", ["en", "zh-hans"])
    def test_a_missing_sheet_is_asked_of_the_worker_not_printed(
        self, client, worker, language, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            park = eco_park()
        DBTaskResult.objects.all().delete()  # the task was lost: the worker's queue emptied

        with (
            mock.patch("factsheets.services.print_html") as printing,
            django_capture_on_commit_callbacks(execute=True),
        ):
            first = client.get(self.url(language))
            again = client.get(self.url(language))
        printing.assert_not_called()

        assert first.status_code == again.status_code == 202
        assert first["Content-Type"].startswith("text/html")
        assert first["Retry-After"] and "no-store" in first["Cache-Control"]
        assert tasks_for_sheets().count() == 1  # asked once, not once per visitor
        worker.run()
        assert client.get(self.url(language)).status_code == 200
        assert Sheet.objects.filter(record_id=park.pk).count() == len(variants())

    def test_a_sheet_whose_file_is_gone_is_printed_again(self, client, printed, worker):
        sheet = Sheet.objects.get(record_id=printed.pk, variant="en")
        sheet.file.storage.delete(sheet.file.name)

        assert client.get(self.url("en"), {"lang": "en"}).status_code == 202
        worker.run()
        assert client.get(self.url("en"), {"lang": "en"}).status_code == 200


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_park_and_site_pages_link_to_their_sheets(client, language):
    park = eco_park()
    site = make_site(park=park)

    with translation.override(language):
        pages = [(park.get_absolute_url(), "park", park.slug)]
        pages.append((site.get_absolute_url(), "site", site.slug))
        for page, kind, slug in pages:
            sheet = reverse(f"factsheets:{kind}", kwargs={"slug": slug})
            html = client.get(page).content.decode()
            assert f'href="{sheet}"' in html
            assert f'href="{sheet}?lang={language}"' in html


def test_the_periodic_job_catches_what_no_save_announced(worker):
    from factsheets.jobs import refresh_sheets

    park = eco_park()
    Park.objects.filter(pk=park.pk).update(status=Park.Status.DRAFT)  # a bulk action
    worker.run()
    assert not Sheet.objects.exists()

    Park.objects.filter(pk=park.pk).update(status=Park.Status.PUBLISHED)
    refresh_sheets.call()

    assert Sheet.objects.filter(record_id=park.pk).count() == len(variants())
    make_sheets(kind="park", record_id=park.pk)  # up to date: nothing printed
    Park.objects.filter(pk=park.pk).update(status=Park.Status.DRAFT)
    refresh_sheets.call()
    assert not Sheet.objects.exists()


def test_a_park_sheet_lists_twelve_sites_and_links_to_the_rest():
    from factsheets.kinds import KINDS
    from factsheets.render import html
    from factsheets.selectors import SITES_SHOWN, park_sheet

    park = eco_park()
    for n in range(SITES_SHOWN + 1):
        make_site(park=park, slug=f"site-{n:02d}")

    printed = html(KINDS["park"].template, park_sheet(park.slug), language="en")

    assert printed.count("/en/sites/site-") == SITES_SHOWN
    assert "And 1 more site:" in printed and "/en/sites/?park=eco-park" in printed


def test_records_loaded_from_fixtures_are_left_to_the_periodic_job(
    tmp_path, django_capture_on_commit_callbacks
):
    """Restoring a backup (or loading the demo) changes nothing: no task per row."""
    import json

    from django.core.management import call_command

    sector = make_sector()
    fixture = tmp_path / "parks.json"
    fields = {"kind": "industrial_park", "status": "published", "sectors": [sector.pk]}
    fields.update(created_at="2026-01-01T00:00:00Z", updated_at="2026-01-01T00:00:00Z")
    fields.update(bilingual("name", "Loaded park", "载入的园区"))
    fields.update(bilingual("summary", "Loaded.", "载入。"))
    fields["slug"] = "loaded-park"
    fixture.write_text(json.dumps([{"model": "projects.park", "fields": fields}]))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("loaddata", fixture, verbosity=0)

    assert Park.objects.filter(name_en="Loaded park").exists()
    assert not tasks_for_sheets().exists()
