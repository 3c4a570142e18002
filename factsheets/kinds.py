"""The records that have a fact sheet: one declaration each, keyed by their public type."""

from collections.abc import Callable
from dataclasses import dataclass

from localisation import languages
from projects.content_types import public_type

from . import selectors

# The variant of a sheet printed in every language of the site, one after the other.
ALL_LANGUAGES = "all"


@dataclass(frozen=True)
class SheetKind:
    key: str  # the record's PublicType key: "park"
    template: str
    context: Callable  # slug -> the template's context, None when not published

    @property
    def declared(self):
        return public_type(self.key)

    @property
    def model(self):
        return self.declared.model


KINDS = {
    kind.key: kind
    for kind in (
        SheetKind("park", "factsheets/park.html", selectors.park_sheet),
        SheetKind("site", "factsheets/site.html", selectors.site_sheet),
    )
}


def variants():
    """Every stored variant: each language alone, then all of them in one file."""
    return [*languages.codes(), ALL_LANGUAGES]


def variant_languages(variant):
    return languages.codes() if variant == ALL_LANGUAGES else [variant]


def kind_of(model):
    return next((kind for kind in KINDS.values() if kind.model is model), None)
