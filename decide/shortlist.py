"""The comparison's shortlist, read from the URL alone (?parks=a,b or ?sites=a,b)."""

import re
from dataclasses import dataclass, field

MAX_ITEMS = 4
# Tokens read from the query at most: the rest cannot be looked up, only dropped.
MAX_TOKENS = 20
SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")


@dataclass
class Requested:
    """The slugs asked for, in order, and what was dropped before any lookup."""

    slugs: list = field(default_factory=list)
    duplicates: list = field(default_factory=list)
    malformed: list = field(default_factory=list)


def tokens(values):
    """Slugs from ?parks=a,b and ?parks=a&parks=b alike, blanks left out."""
    found = [part.strip().lower() for value in values for part in value.split(",")]
    return [token for token in found if token][:MAX_TOKENS]


def requested(values):
    result = Requested()
    for token in tokens(values):
        if not SLUG.match(token):
            result.malformed.append(token[:40])
        elif token in result.slugs:
            if token not in result.duplicates:
                result.duplicates.append(token)
        else:
            result.slugs.append(token)
    return result


def url_query(kind, slugs):
    """The query string of a shortlist: parks=a,b."""
    return f"{kind}={','.join(slugs)}" if slugs else ""


def without_item(slugs, slug):
    return [other for other in slugs if other != slug]
