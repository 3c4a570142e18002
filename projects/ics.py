"""An event as an iCalendar file (RFC 5545) that calendar apps import."""

import datetime

from django.utils import timezone

LINE_LIMIT = 75  # octets per line, before the CRLF


def escape_text(value):
    r"""Escape a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 3.3.11)."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(char, escaped)
    return value


def fold(line):
    """Split a content line into 75-octet pieces without cutting a UTF-8 character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        # Continuation lines start with a space, which counts toward their 75 octets.
        limit = LINE_LIMIT if not pieces else LINE_LIMIT - 1
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def utc_stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_calendar(event, url, host):
    """The calendar text; times are in UTC so no VTIMEZONE block is needed."""
    location = ", ".join(part for part in (event.venue, event.city, event.country.name) if part)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Invest Qingdao//Events//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host}",
        f"DTSTAMP:{utc_stamp(timezone.now())}",
        f"DTSTART:{utc_stamp(event.starts_at)}",
        f"DTEND:{utc_stamp(event.ends_at)}",
        f"SUMMARY:{escape_text(event.name)}",
        f"DESCRIPTION:{escape_text(event.summary)}",
        f"LOCATION:{escape_text(location)}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
