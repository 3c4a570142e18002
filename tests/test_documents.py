"""Policy source documents: checked by content, served only as sandboxed downloads."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.documents import validate_document
from projects.models import Policy

from .factories import make_policy

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HOSTILE = {
    "page.html": b"<!doctype html><script>alert(document.cookie)</script>",
    "app.js": b"fetch('/admin/').then(r => r.text())",
    "drawing.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
}


def ooxml(*parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in parts:
            archive.writestr(part, "<xml/>")
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def policy_form(policy, file):
    return {
        "name_en": policy.name_en,
        "name_zh_hans": policy.name_zh_hans,
        "category": policy.category,
        "summary_en": policy.summary_en,
        "summary_zh_hans": policy.summary_zh_hans,
        "slug": policy.slug,
        "status": policy.status,
        "effective_date": "2024-01-01",
        "source_file": file,
    }


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_script_or_page_renamed_pdf_is_refused(name):
    with pytest.raises(ValidationError) as refused:
        validate_document(upload(name.rsplit(".", 1)[0] + ".pdf", HOSTILE[name]))
    assert refused.value.code == "not_a_document"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("archive.docx", ooxml("word/document.xml")),  # no [Content_Types].xml
        ("slides.docx", ooxml("[Content_Types].xml", "ppt/presentation.xml")),
        ("broken.xlsx", b"PK\x03\x04 not really a zip"),
        ("empty.pdf", b""),
    ],
)
def test_other_files_are_refused(name, content):
    with pytest.raises(ValidationError):
        validate_document(upload(name, content))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("decision.pdf", PDF),
        ("form.docx", ooxml("[Content_Types].xml", "word/document.xml")),
        ("budget.xlsx", ooxml("[Content_Types].xml", "xl/workbook.xml")),
    ],
)
def test_documents_are_accepted(name, content):
    validate_document(upload(name, content))


def test_a_document_too_large_is_refused(settings):
    settings.DOCUMENT_MAX_BYTES = 10
    with pytest.raises(ValidationError) as refused:
        validate_document(upload("decision.pdf", PDF))
    assert refused.value.code == "too_large"


@pytest.mark.urls("portal.urls")
def test_the_admin_form_refuses_html_with_a_message(client, editor):
    policy = make_policy()
    url = reverse("admin:projects_policy_change", args=[policy.pk])
    response = client.post(url, policy_form(policy, upload("decision.pdf", HOSTILE["page.html"])))
    assert response.status_code == 200
    assert "is not a PDF, Word (.docx) or Excel (.xlsx) document" in response.content.decode()
    policy.refresh_from_db()
    assert not policy.source_file


@pytest.mark.urls("portal.urls")
def test_the_admin_form_stores_a_pdf_under_its_real_extension(client, editor):
    policy = make_policy()
    url = reverse("admin:projects_policy_change", args=[policy.pk])
    response = client.post(url, policy_form(policy, upload("Decision (final).PDF.exe", PDF)))
    assert response.status_code == 302, response.content.decode()[:2000]
    policy.refresh_from_db()
    assert policy.source_file.name.startswith("policies/")
    assert policy.source_file.name.endswith(".pdf")


def assert_download(response, content_type):
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


@pytest.mark.urls("portal.urls")
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_policy_page_links_to_a_sandboxed_download(client, language):
    policy = make_policy()
    policy.source_file.save("decision.pdf", ContentFile(PDF))
    page = client.get(f"/{language}{policy.get_absolute_url()[3:]}")
    link = f"/{language}/policies/{policy.slug}/document/"
    assert f'href="{link}"' in page.content.decode()
    response = client.get(link)
    assert_download(response, "application/pdf")
    assert f'filename="{policy.slug}.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF
    assert client.head(link).status_code == 200


@pytest.mark.urls("portal.urls")
def test_a_file_stored_before_the_check_is_never_sent(client):
    policy = make_policy()
    Policy.objects.filter(pk=policy.pk).update(source_file="policies/old.html")
    path = Path(policy.source_file.storage.path("policies/old.html"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(HOSTILE["page.html"])
    assert client.get(f"/en/policies/{policy.slug}/document/").status_code == 404


@pytest.mark.urls("portal.urls")
def test_no_document_and_drafts_answer_404(client):
    policy = make_policy()
    assert client.get(f"/en/policies/{policy.slug}/document/").status_code == 404
    draft = make_policy(status=Policy.Status.DRAFT)
    draft.source_file.save("decision.pdf", ContentFile(PDF))
    assert client.get(f"/en/policies/{draft.slug}/document/").status_code == 404
    assert client.post(f"/en/policies/{policy.slug}/document/").status_code == 405


@pytest.mark.urls("portal.urls")
def test_media_served_by_django_is_never_active_content(client, settings, media_root):
    # The URLconf mounts /media/ when SERVE_MEDIA is on (development, `make serve`).
    (media_root / "policies").mkdir(parents=True)
    (media_root / "policies" / "page.html").write_bytes(HOSTILE["page.html"])
    response = client.get("/media/policies/page.html")
    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
