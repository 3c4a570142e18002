"""Policy source documents: accepted by their content, served only as downloads.

An upload is kept only if its bytes are a PDF (`%PDF-`) or an Office Open XML
document or workbook (a zip with `[Content_Types].xml` and the Word or Excel
part), whatever its name says; it is stored under the extension of what it
really is. It is always sent as an attachment with its own content type,
`nosniff` and a sandboxing Content-Security-Policy, so even a hostile file is
never run as a page of the site.
"""

import posixpath
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

# A downloaded file may not run scripts, load anything or be framed as a page.
SANDBOX_POLICY = "sandbox; default-src 'none'"


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str


PDF = Kind("pdf", "application/pdf")
DOCX = Kind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
KINDS = (PDF, DOCX, XLSX)
# The part that tells a Word document from a workbook inside the zip.
OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX}


def detect(file):
    """The Kind of the file's content (PDF, DOCX, XLSX), or None for anything else."""
    file.seek(0)
    head = file.read(5)
    file.seek(0)
    if head == b"%PDF-":
        return PDF
    if head[:4] != b"PK\x03\x04":
        return None
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    kinds = [kind for part, kind in OOXML_PARTS.items() if part in names]
    return kinds[0] if len(kinds) == 1 else None


def validate_document(value):
    """Refuse an upload that is not really a PDF, DOCX or XLSX, or is too large."""
    if getattr(value, "_committed", False):
        return  # a stored file was checked when it was uploaded
    if value.size > settings.DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; documents may be at most %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(value.size),
                "limit": filesizeformat(settings.DOCUMENT_MAX_BYTES),
            },
        )
    if detect(value.file) is None:
        raise ValidationError(
            _(
                "This file is not a PDF, Word (.docx) or Excel (.xlsx) document, whatever "
                "its name says. Save it as PDF and upload it again."
            ),
            code="not_a_document",
        )


def document_path(instance, filename):
    """policies/<name>.<extension of what the content is>."""
    stem, extension = posixpath.splitext(get_valid_filename(posixpath.basename(filename)))
    try:
        kind = detect(instance.source_file.file)
    except ValueError:  # saved from code, not through a form: trust the name
        kind = next((k for k in KINDS if f".{k.extension}" == extension.lower()), None)
    return f"policies/{stem[:80] or 'document'}.{(kind or PDF).extension}"


def protect(response):
    """Headers that keep a served file from acting as a page of the site."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def download(field_file, name):
    """The stored document as an attachment called `name`.<its real extension>."""
    handle = field_file.open("rb")
    kind = detect(handle)
    if kind is None:  # stored before uploads were checked: never send it
        handle.close()
        return None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{name}.{kind.extension}",
        content_type=kind.content_type,
    )
    return protect(response)
