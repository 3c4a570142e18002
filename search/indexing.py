"""Writing the index: an entry per published record, its words in the vocabulary.

Also used by the data migration with the migration's historical models, so it reads
records only through their fields (no model methods) and takes the model to read.
"""

import html
import re

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.html import strip_tags
from modeltranslation.utils import build_localized_fieldname

from localisation import languages
from projects.content_types import public_types
from web import invalidation, page_groups

from . import backends, tokens
from .models import SearchEntry, SearchWord

PUBLISHED = "published"
# Names of the fields whose text is the result's title; the rest are its body.
TITLE_WEIGHT = 3
SPACES = re.compile(r"\s+")


def plain(value):
    """Searchable text of a field: rich text without tags and entities."""
    return SPACES.sub(" ", html.unescape(strip_tags(str(value or "")))).strip()


def field_text(record, name, code):
    value = getattr(record, build_localized_fieldname(name, code), None)
    if value is None:
        value = getattr(record, name, "")
    return plain(value)


def entry_for(declared, record):
    """The fields of a published record's entry."""
    ranked = sorted(declared.search_fields.items(), key=lambda item: -item[1])
    titles = [name for name, weight in ranked if weight >= TITLE_WEIGHT]
    bodies = [name for name, weight in ranked if weight < TITLE_WEIGHT]
    content, title_text, body_text = {}, [], []
    for code in languages.codes():
        title = " ".join(filter(None, (field_text(record, name, code) for name in titles)))
        fields = [field_text(record, name, code) for name in bodies]
        content[code] = {"title": title, "fields": [text for text in fields if text]}
        title_text.append(title)
        body_text += fields
    default = content[languages.codes()[0]]["title"]
    return {
        "type": declared.key,
        "record_id": record.pk,
        "slug": record.slug,
        "position": declared.position,
        "publish_at": record.publish_at,
        "title_tokens": " ".join(tokens.document_tokens(" ".join(title_text))),
        "body_tokens": " ".join(tokens.document_tokens(" ".join(body_text))),
        "content": content,
        "sort_title": default[:300],
    }


def vocabulary(entries):
    found = set()
    for entry in entries:
        for text in entry["content"].values():
            found |= tokens.words(" ".join([text["title"], *text["fields"]]))
    return found


def add_words(words, word_model=SearchWord):
    word_model.objects.bulk_create(
        [word_model(word=word[:100]) for word in sorted(words)], ignore_conflicts=True
    )


def due(records):
    """The published records among `records` whose time has come (Publishable.published)."""
    now = timezone.now()
    return records.filter(status=PUBLISHED).filter(
        Q(publish_at__isnull=True) | Q(publish_at__lte=now)
    )


def declared_type(key):
    return next(declared for declared in public_types() if declared.key == key)


def next_id(key):
    """A new entry comes after the type's others: the declared order is the rebuild's."""
    low, high = backends.type_range(key)
    last = SearchEntry.objects.filter(id__range=(low, high)).aggregate(last=Max("id"))["last"]
    return (last or low) + 1


def write_entry(key, entry):
    """Update the record's entry, or add it after the type's others.

    Saves committed at once would otherwise both find no entry, or take the same next id.
    """
    backends.backend().lock_type(key)
    if not SearchEntry.objects.filter(type=key, record_id=entry["record_id"]).update(**entry):
        SearchEntry.objects.create(id=next_id(key), **entry)


def reindex(key, pk, model=None):
    """Bring one record's entry in step: written if published, removed otherwise."""
    declared = declared_type(key)
    model = model or declared.model
    record = due(model._default_manager.filter(pk=pk)).first()
    with transaction.atomic():
        existing = SearchEntry.objects.filter(type=key, record_id=pk)
        if record is None:
            existing.delete()
        else:
            entry = entry_for(declared, record)
            write_entry(key, entry)
            add_words(vocabulary([entry]))
    # The record's pages went stale at its commit, before this ran: search results
    # rendered in between (from the old entry) go too.
    invalidation.end_generations([page_groups.SHARED])


def rebuild(apps=None, batch=2000):
    """Index every published record again, from scratch; returns how many.

    `apps`: a migration's historical models (the data migration), else the live ones.
    """
    entry_model = apps.get_model("search", "SearchEntry") if apps else SearchEntry
    word_model = apps.get_model("search", "SearchWord") if apps else SearchWord
    count, words = 0, set()
    with transaction.atomic():
        for declared in public_types():
            backends.backend().lock_type(declared.key)
        entry_model.objects.all().delete()
        word_model.objects.all().delete()
        for declared in public_types():
            model = apps.get_model(declared.model._meta.label) if apps else declared.model
            # In the declared order: the order of hits too common to score (backends).
            records = due(model._default_manager.all())
            entries = [entry_for(declared, record) for record in records.iterator(batch)]
            low, _high = backends.type_range(declared.key)
            entry_model.objects.bulk_create(
                [entry_model(id=low + n, **entry) for n, entry in enumerate(entries, 1)],
                batch_size=batch,
            )
            words |= vocabulary(entries)
            count += len(entries)
        add_words(words, word_model)
    backends.backend().optimise()
    invalidation.end_generations([page_groups.SHARED])
    return count
