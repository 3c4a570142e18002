"""Enquiries as CSV that Excel opens with Chinese intact (UTF-8 with a BOM)."""

import csv

from django.http import HttpResponse
from django.utils import timezone

COLUMNS = [
    ("reference", lambda e: e.reference),
    ("received", lambda e: timezone.localtime(e.created_at).strftime("%Y-%m-%d %H:%M")),
    ("status", lambda e: e.get_status_display()),
    ("desk", lambda e: e.desk or ""),
    ("assignee", lambda e: e.assignee.get_username() if e.assignee else ""),
    ("name", lambda e: e.name),
    ("company", lambda e: e.company),
    ("country", lambda e: e.country.name),
    ("email", lambda e: e.email),
    ("phone", lambda e: e.phone),
    ("sector", lambda e: e.sector or ""),
    ("park", lambda e: e.park or ""),
    ("available site", lambda e: e.site or ""),
    ("overseas centre", lambda e: e.centre or ""),
    ("stage", lambda e: e.get_stage_display()),
    ("preferred contact time", lambda e: e.get_contact_window_display()),
    ("language", lambda e: e.language),
    ("source", lambda e: e.source),
    ("message", lambda e: e.message),
    ("internal notes", lambda e: e.internal_notes),
]


def spreadsheet_safe(value):
    """Visitor text starting like a formula is shown as text, never run by Excel."""
    value = str(value)
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def enquiries_csv(enquiries, filename="enquiries.csv"):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([title for title, _value in COLUMNS])
    for enquiry in enquiries:
        writer.writerow([spreadsheet_safe(value(enquiry)) for _title, value in COLUMNS])
    return response
