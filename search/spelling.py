"""Typo tolerance: an English word that matches nothing becomes the nearest indexed word."""

from django.db.models import Q
from django.db.models.functions import Length

from . import tokens
from .models import SearchWord


def allowed_distance(word):
    return 1 if len(word) <= 4 else 2


def distance(a, b, limit):
    """Levenshtein distance of a and b, or limit + 1 once it is sure to exceed limit."""
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _neighbourhood(word):
    """Indexed words starting with the same letter and of about the same length."""
    reach = allowed_distance(word)
    return Q(
        word__gte=word[0],
        word__lt=chr(ord(word[0]) + 1),
        length__gte=len(word) - reach,
        length__lte=len(word) + reach,
    )


def _nearest(word, candidates):
    limit = allowed_distance(word)
    scored = [(distance(word, other, limit), len(other), other) for other in candidates]
    best = min((item for item in scored if item[0] <= limit), default=None)
    return best[2] if best else None


def corrections(words):
    """{misspelt word: the nearest indexed word} for the words no indexed word shares a
    stem with; words too short to guess are left alone. One query."""
    words = [word for word in dict.fromkeys(words) if len(word) > 2 and not word.isdigit()]
    if not words:
        return {}
    condition = Q()
    for word in words:
        condition |= _neighbourhood(word)
    candidates = list(
        SearchWord.objects.annotate(length=Length("word"))
        .filter(condition)
        .values_list("word", flat=True)
    )
    stems = {tokens.stem(other) for other in candidates}
    found = {}
    for word in words:
        if tokens.stem(word) in stems:
            continue
        nearest = _nearest(word, [other for other in candidates if other[0] == word[0]])
        if nearest:
            found[word] = nearest
    return found
