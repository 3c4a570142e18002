"""Writes of the dashboard: reviews, the editor's digest language and its sending time."""

from django.utils import timezone

from .models import EditorDigest


def mark_reviewed(*, records, user, when=None):
    """Record that `user` checked these records now; returns how many.

    An update, not a save: reviewing is not editing, so `updated_at` stays as it was.
    """
    return records.update(reviewed_at=when or timezone.now(), reviewed_by=user)


def note_review(*, record, user, when=None):
    """Set the review on a record that is about to be saved (the change form's button)."""
    record.reviewed_at = when or timezone.now()
    record.reviewed_by = user


def remember_language(*, user, language):
    """The editor reads the admin in this language: the digest is written in it too."""
    EditorDigest.objects.update_or_create(user=user, defaults={"language": language})


def digest_sent(*, user, when=None):
    EditorDigest.objects.update_or_create(
        user=user, defaults={"last_sent_at": when or timezone.now()}
    )
