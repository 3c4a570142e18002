"""A Chinese-first admin: drafts in any one language, languages side by side, each staff
user's own admin language, every admin string translated, filters that stay short."""

import pytest
from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import translation
from django_countries.fields import CountryField

from projects.models import Park
from staff.models import StaffProfile

from .enquiry_helpers import make_enquiry
from .factories import make_park
from .test_admin import park_form

pytestmark = pytest.mark.django_db

PARK_ADD = "admin:projects_park_add"


def chinese_only(**overrides):
    return park_form(**{"name_en": "", "summary_en": "", "status": Park.Status.DRAFT, **overrides})


class TestDrafts:
    def test_chinese_only_draft_is_saved(self, client, editor):
        response = client.post(reverse(PARK_ADD), chinese_only())
        assert response.status_code == 302
        park = Park.objects.get()
        assert not park.name_en and park.name_zh_hans == "中德生态园"
        assert park.status == Park.Status.DRAFT
        assert str(park) == "中德生态园"  # found by its Chinese name in English too

    def test_a_chinese_name_gives_a_pinyin_slug_when_none_is_typed(self, client, editor):
        make_park(slug="zhong-de-sheng-tai-yuan")
        response = client.post(reverse(PARK_ADD), chinese_only(slug=""))
        assert response.status_code == 302
        assert Park.objects.get(name_zh_hans="中德生态园").slug == "zhong-de-sheng-tai-yuan-2"

    def test_a_typed_slug_is_kept_and_checked(self, client, editor):
        response = client.post(reverse(PARK_ADD), chinese_only(slug="Not a slug!"))
        assert response.status_code == 200
        assert "slug" in response.context["adminform"].form.errors

    def test_english_only_draft_is_saved(self, client, editor):
        data = park_form(name_zh_hans="", summary_zh_hans="", status=Park.Status.DRAFT)
        assert client.post(reverse(PARK_ADD), data).status_code == 302

    def test_draft_without_any_name_is_refused(self, client, editor):
        response = client.post(reverse(PARK_ADD), chinese_only(name_zh_hans=""))
        assert response.status_code == 200
        assert "Give the record a name in at least one language." in response.content.decode()
        assert not Park.objects.exists()

    def test_publishing_a_chinese_only_park_names_each_missing_field(self, client, editor):
        response = client.post(reverse(PARK_ADD), chinese_only(status=Park.Status.PUBLISHED))
        assert response.status_code == 200
        errors = response.context["adminform"].form.errors
        assert set(errors) == {"name_en", "summary_en"}
        assert not Park.objects.exists()

    def test_publishing_needs_the_description_once_it_exists_in_one_language(self, client, editor):
        data = park_form(body_en="<p>Land and labs.</p>", body_zh_hans="")
        response = client.post(reverse(PARK_ADD), data)
        assert set(response.context["adminform"].form.errors) == {"body_zh_hans"}
        data["body_zh_hans"] = "<p>土地与实验室。</p>"
        assert client.post(reverse(PARK_ADD), data).status_code == 302


class TestSideBySide:
    def html(self, client, language="en"):
        park = make_park()
        url = reverse("admin:projects_park_change", args=[park.pk])
        return client.get(url, headers={"accept-language": language}).content.decode()

    def test_languages_of_a_field_share_one_row(self, client, editor):
        html = self.html(client)
        assert 'class="form-row field-name_en field-name_zh_hans"' in html
        assert 'class="form-row field-body_en field-body_zh_hans"' in html

    def test_labels_use_each_languages_own_name(self, client, editor):
        html = self.html(client)
        assert "Name (English)" in html and "Name (简体中文)" in html
        assert "[en]" not in html and "[zh-hans]" not in html
        assert "ui-tabs" not in html and "tabbed_translation_fields" not in html
        assert "名称（简体中文）" in self.html(client, "zh-hans")

    def test_completeness_comes_first_on_the_change_form(self, client, editor):
        html = self.html(client)
        assert html.index("field-translation_completeness") < html.index("field-name_en")

    def test_inputs_carry_their_language(self, client, editor):
        html = self.html(client)
        assert 'lang="zh-Hans"' in html and 'lang="en"' in html

    def test_photos_are_blocks_with_their_descriptions_side_by_side(self, client, editor):
        html = self.html(client)
        assert "images-image-content_type-object_id-group" in html
        assert "inline-related" in html  # stacked, not a table wider than the screen
        assert "field-alt_en field-alt_zh_hans" in html


class TestAdminLanguage:
    changelist = "admin:projects_park_changelist"

    def test_a_chinese_editor_gets_the_chinese_admin_whatever_the_browser(self, client, editor):
        StaffProfile.objects.create(user=editor, language="zh-hans")
        client.force_login(editor)  # the choice is read at sign-in
        response = client.get(reverse(self.changelist), headers={"accept-language": "en"})
        assert response.headers["Content-Language"] == "zh-hans"
        assert "选择 园区 来修改" in response.content.decode()

    def test_without_a_choice_the_browser_decides(self, client, editor):
        response = client.get(reverse(self.changelist), headers={"accept-language": "zh-hans"})
        assert response.headers["Content-Language"] == "zh-hans"

    def test_the_language_page_sets_the_choice(self, client, editor):
        url = reverse("staff_admin_language")
        page = client.get(url, headers={"accept-language": "en"})
        assert page.status_code == 200
        assert "简体中文" in page.content.decode()
        response = client.post(url, {"language": "zh-hans"})
        assert response.status_code == 302
        assert StaffProfile.objects.get(user=editor).language == "zh-hans"
        response = client.get(reverse(self.changelist), headers={"accept-language": "en"})
        assert response.headers["Content-Language"] == "zh-hans"

    def test_an_unknown_language_is_refused(self, client, editor):
        response = client.post(reverse("staff_admin_language"), {"language": "xx"})
        assert response.status_code == 200
        assert not StaffProfile.objects.exists()

    def test_every_page_links_to_the_choice(self, client, editor):
        html = client.get(reverse("admin:index")).content.decode()
        assert 'id="admin-language-link"' in html

    def test_public_pages_keep_their_own_language(self, client, editor):
        StaffProfile.objects.create(user=editor, language="zh-hans")
        client.force_login(editor)
        response = client.get("/en/")
        assert response.headers["Content-Language"] == "en"


OUR_APPS = {"projects", "siting", "stories", "images", "enquiries", "staff", "web"}
# Columns set by the record's page, never shown to an editor.
NOT_SHOWN = {"images.Image.content_type", "images.Image.object_id", "images.Image.owner"}


def admin_strings():
    """(where, text) of every verbose name, help text, choice, filter, action and column."""
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        if meta.app_label not in OUR_APPS:
            continue
        yield meta.label, meta.verbose_name
        yield meta.label, meta.verbose_name_plural
        for field in meta.get_fields():
            where = f"{meta.label}.{field.name}"
            if field.auto_created or not hasattr(field, "verbose_name") or where in NOT_SHOWN:
                continue
            if getattr(field, "related_query_name", None) and not field.editable:
                continue  # a generic relation: the photos inline has its own title
            yield where, field.verbose_name
            if field.help_text:
                yield where, field.help_text
            if not isinstance(field, CountryField):
                for value, label in field.flatchoices or ():
                    if value not in (None, ""):
                        yield where, label
        for entry in model_admin.list_filter:
            if isinstance(entry, type) and issubclass(entry, SimpleListFilter):
                yield f"{meta.label} filter", entry.title
        for action in model_admin.actions or ():
            yield f"{meta.label} action", action.short_description
        for entry in model_admin.list_display:
            function = getattr(model_admin, entry, None) if isinstance(entry, str) else entry
            if getattr(function, "short_description", None):
                yield f"{meta.label} column", function.short_description


def test_every_admin_string_of_ours_is_translated():
    untranslated = []
    for where, text in admin_strings():
        with translation.override("en"):
            english = str(text)
        with translation.override("zh-hans"):
            chinese = str(text)
        if english == chinese and any(c.isalpha() for c in english):
            untranslated.append(f"{where}: {english}")
    assert not untranslated, untranslated


class TestThirdPartySections:
    def test_axes_is_hidden_from_editors_even_with_its_permissions(self, client, editor):
        editor.user_permissions.add(*Permission.objects.filter(content_type__app_label="axes"))
        html = client.get(reverse("admin:index")).content.decode()
        assert "app-axes" not in html
        assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403

    def test_superusers_see_it_translated(self, client):
        client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
        html = client.get(reverse("admin:index"), headers={"accept-language": "zh-hans"})
        html = html.content.decode()
        assert "登录尝试记录" in html
        assert "Axes" not in html


class TestShortFilters:
    def test_photo_filter_lists_only_our_content_types(self, client, editor):
        url = reverse("admin:images_image_changelist")
        response = client.get(url, headers={"accept-language": "zh-hans"})
        spec = next(
            f
            for f in response.context["cl"].filter_specs
            if getattr(f, "parameter_name", "") == "owner_type"
        )
        labels = [str(label) for _value, label in spec.lookup_choices]
        assert "园区" in labels and "政策" in labels
        html = response.content.decode()
        assert "session" not in html.lower() and "permission" not in html
        assert "log entry" not in html

    def test_photo_filter_finds_the_photos_of_one_type(self, client, editor):
        url = reverse("admin:images_image_changelist")
        response = client.get(url, {"owner_type": "projects.park"})
        assert response.status_code == 200
        response = client.get(url, {"owner_type": "nonsense"})
        assert response.status_code == 200  # bad input: the whole list, never a 500

    def test_enquiry_country_filter_lists_only_countries_that_occur(self, client, editor):
        officer = User.objects.create_superuser("officer", "officer@example.com", "pw")
        client.force_login(officer)
        make_enquiry(country="DE")
        make_enquiry(country="JP")
        url = reverse("admin:enquiries_enquiry_changelist")
        response = client.get(url, headers={"accept-language": "zh-hans"})
        spec = next(
            f
            for f in response.context["cl"].filter_specs
            if getattr(f, "parameter_name", "") == "country"
        )
        assert [code for code, _name in spec.lookup_choices] == ["DE", "JP"]  # pinyin: 德, 日
        assert client.get(url, {"country": "DE"}).context["cl"].result_count == 1

    def test_event_and_centre_country_filters_are_short_too(self, client, editor):
        for name in ("event", "overseascentre"):
            response = client.get(reverse(f"admin:projects_{name}_changelist"))
            html = response.content.decode()
            assert "Zimbabwe" not in html, name


def test_a_chinese_only_draft_may_have_a_chinese_only_figure(client, editor):
    data = chinese_only(
        **{
            "figures-TOTAL_FORMS": 1,
            "figures-0-label_zh_hans": "注册企业",
            "figures-0-value": "1200",
            "figures-0-unit": "count",
            "figures-0-position": 0,
        }
    )
    response = client.post(reverse(PARK_ADD), data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    assert Park.objects.get().figures.get().label_zh_hans == "注册企业"
    data["figures-0-label_zh_hans"] = ""
    data["slug"] = "another-park"
    response = client.post(reverse(PARK_ADD), data)
    assert "Give the figure a label in at least one language." in response.content.decode()
