"""The settings with a third, optional language (Japanese): CI runs the public view
tests once with them, tables built from the models (`pytest --no-migrations`), to show
that nothing assumes exactly English and Chinese."""

from django.utils.translation import gettext_lazy as _

from portal.settings import *  # noqa: F403
from portal.settings import LANGUAGE_TABLE, Language, language_settings

LANGUAGE_TABLE = [*LANGUAGE_TABLE, Language("ja", _("Japanese"), "ja_JP", "ja", required=False)]
globals().update(language_settings(LANGUAGE_TABLE))
