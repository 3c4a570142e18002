"""Each test starts from the same global state, whatever ran before it (random order)."""

import pytest
from django.conf import settings
from django.utils import timezone, translation

from background.schedule import JOBS
from enquiries.bookings import selectors as booking_selectors

from .conftest import own_memoised_functions

REGISTERED_JOBS = set(JOBS)


@pytest.mark.parametrize("turn", range(2))
def test_the_state_is_fresh_then_spoiled(turn):
    """Two turns: whichever runs second finds what the first one left cleaned up."""
    assert translation.get_language() == settings.LANGUAGE_CODE
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE
    assert set(JOBS) == REGISTERED_JOBS
    assert all(function.cache_info().currsize == 0 for function in own_memoised_functions())
    # Spoil everything for the test after.
    translation.activate("zh-hans")
    timezone.activate("Europe/Berlin")
    JOBS["stray"] = object()
    with translation.override("zh-hans"):
        booking_selectors.time_zone_options("Asia/Shanghai")


def test_memoised_functions_are_found():
    assert booking_selectors.time_zone_choices in list(own_memoised_functions())
