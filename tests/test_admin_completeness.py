"""One completeness function over every translated field: the admin's form, column and
filter and the public "partly translated" notice always agree."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from localisation import languages
from projects import completeness
from projects.content_types import public_types
from projects.models import Park

from .factories import make_park
from .quality import make_sample_content

pytestmark = pytest.mark.django_db

# Every translated field of every content type, from modeltranslation's registry.
CASES = [
    (declared.key, name)
    for declared in public_types()
    for name in completeness.translated_fields(declared.model)
]
TYPES = {declared.key: declared for declared in public_types()}
CHINESE = "zh-hans"


def column(name, code):
    return build_localized_fieldname(name, code)


def fill_every_language(record):
    for name in completeness.translated_fields(type(record)):
        for code in languages.codes():
            if not getattr(record, column(name, code)):
                setattr(record, column(name, code), f"Text {code}")
    record.save()
    return record


def notice(record, code):
    with translation.override(code):
        template = Template("{% load public %}{% untranslated record as missing %}{{ missing }}")
        return template.render(Context({"record": record})) == "True"


def admin_finds(client, record, code):
    meta = record._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    response = client.get(url, {"translation": code})
    assert response.status_code == 200
    return record in response.context["cl"].queryset


@pytest.fixture
def samples(db):
    slugs = make_sample_content()
    return {key: declared.model.objects.get(slug=slugs[key]) for key, declared in TYPES.items()}


def test_every_content_type_has_translated_fields_beyond_name_and_summary():
    for declared in public_types():
        fields = completeness.translated_fields(declared.model)
        assert {"name", "summary"} <= set(fields)
        assert len(fields) > 2, declared.key


@pytest.mark.parametrize(("key", "name"), CASES, ids=[f"{k}.{n}" for k, n in CASES])
def test_admin_and_public_notice_agree_on_each_field(client, editor, samples, key, name):
    record = fill_every_language(samples[key])
    model = type(record)
    assert all(found.complete for found in completeness.report(record).values())
    assert not notice(record, CHINESE)
    assert not admin_finds(client, record, CHINESE)
    assert admin_finds(client, record, "complete")

    setattr(record, column(name, CHINESE), "  ")  # spaces are no translation
    record.save()
    found = completeness.report(record)[CHINESE]
    assert found.missing_fields == (name,)
    assert (found.filled, found.total) == (found.total - 1, len(CASES_OF[key]))
    assert notice(record, CHINESE)
    assert not notice(record, "en")
    assert admin_finds(client, record, CHINESE)
    assert not admin_finds(client, record, "complete")
    assert list(model.objects.filter(completeness.missing_q(model, CHINESE))) == [record]
    assert column(name, CHINESE) in record.missing_translations


CASES_OF = {key: [n for k, n in CASES if k == key] for key in TYPES}


def test_a_field_empty_in_every_language_is_not_counted_unless_required():
    park = make_park(body={"en": "", "zh-hans": ""}, address={"en": "", "zh-hans": ""})
    counted = completeness.counted_fields(park)
    assert "body" not in counted and "address" not in counted
    assert {"name", "summary"} <= set(counted)
    park.name_zh_hans = ""
    assert completeness.missing_fields(park, CHINESE) == ("name",)


def emptied_chinese_description():
    return make_park(
        body={"en": "<p>Land and labs.</p>", "zh-hans": ""},
        address={"en": "", "zh-hans": ""},
        contact_name={"en": "", "zh-hans": ""},
    )


def test_park_with_empty_chinese_description_is_not_complete(client, editor):
    """The defect: only name and summary were checked, so this park read "Complete"."""
    park = emptied_chinese_description()
    changelist = reverse("admin:projects_park_changelist")
    response = client.get(changelist, {"translation": CHINESE})
    assert list(response.context["cl"].queryset) == [park]
    html = client.get(changelist).content.decode()
    assert "简体中文 2/3" in html
    assert ">Complete<" not in html
    with translation.override(CHINESE):
        page = client.get(park.get_absolute_url())
    assert "本页部分内容尚未翻译" in page.content.decode()  # the public page says so too


def test_change_form_shows_the_count_and_missing_fields(client, editor):
    park = emptied_chinese_description()
    url = reverse("admin:projects_park_change", args=[park.pk])
    html = client.get(url).content.decode()
    assert "English 3/3" in html
    assert "简体中文 2/3" in html
    assert "missing: Description" in html
    html = client.get(url, headers={"accept-language": "zh-hans"}).content.decode()
    assert "缺少：介绍" in html


def test_translation_column_sorts_by_what_is_missing(client, editor):
    complete = fill_every_language(make_park())
    partial = emptied_chinese_description()
    changelist = reverse("admin:projects_park_changelist")
    response = client.get(changelist)
    position = list(response.context["cl"].list_display).index("translation_status")
    ascending = client.get(changelist, {"o": str(position)}).context["cl"].result_list
    descending = client.get(changelist, {"o": f"-{position}"}).context["cl"].result_list
    assert list(ascending) == [complete, partial]
    assert list(descending) == [partial, complete]


def test_change_list_queries_do_not_grow_with_records(client, editor):
    """Completeness is counted in the list's own query (an annotation), not per row."""
    make_park()
    changelist = reverse("admin:projects_park_changelist")
    client.get(changelist)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(changelist).status_code == 200
        return len(captured.captured_queries)

    few = queries()
    for _n in range(5):
        emptied_chinese_description()
    assert queries() == few <= 12


def test_publishing_needs_every_counted_field_in_the_required_languages():
    park = emptied_chinese_description()
    assert park.missing_translations == ["body_zh_hans"]
    park.body_zh_hans = "<p>土地与实验室。</p>"
    assert park.missing_translations == []
    assert Park.objects.filter(completeness.complete_q(Park)).count() == 0  # not saved yet
    park.save()
    assert list(Park.objects.filter(completeness.complete_q(Park))) == [park]
