"""Which writes age the cached public pages: derived from the staff declarations, no hand list."""

import pytest
from django.apps import apps

from projects.content_types import private_models, staff_models
from stories.models import Story, Subscription
from web import invalidation


def test_every_staff_model_shown_publicly_is_content():
    tables = invalidation.content_tables()
    for model, access in staff_models():
        assert (model._meta.db_table in tables) == access.on_public_pages, model


def test_the_subscriptions_are_the_private_records():
    assert Subscription in private_models()
    assert Story not in private_models()
    assert Subscription._meta.db_table not in invalidation.content_tables()


def test_a_content_apps_other_tables_count_too():
    # The automatic m2m tables of a content model (a story's news item's sectors).
    through = apps.get_model("stories", "NewsItem").sectors.through
    assert through._meta.db_table in invalidation.content_tables()


@pytest.mark.django_db
def test_a_subscription_keeps_the_cache_a_story_does_not(django_capture_on_commit_callbacks):
    from .factories import make_sector

    sector = make_sector()
    before = invalidation.generation()
    with django_capture_on_commit_callbacks(execute=True):
        Subscription.objects.create(email="a@example.com", topic="sector", key=sector.slug)
    assert invalidation.generation() == before
    with django_capture_on_commit_callbacks(execute=True):
        Story.objects.create(
            slug="s", name="Co", title="T", country="DE", sector=sector, year=2020, summary="x"
        )
    assert invalidation.generation() != before
