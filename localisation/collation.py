"""Order of lists as a reader of each language expects it.

Chinese lists (countries, names, places) follow pinyin, syllable by syllable,
then tone; English lists are alphabetical, accents and case ignored.
"""

import unicodedata

from pypinyin import Style, lazy_pinyin

from .formats import is_chinese


def _latin(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def sort_key(text, language=None):
    """A key that sorts `text` the way the language's readers look it up."""
    text = str(text)
    if not is_chinese(language):
        return (_latin(text), text)
    syllables = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True)
    letters = tuple(_latin(syllable.rstrip("012345")) for syllable in syllables)
    tones = tuple(syllable[-1] if syllable[-1:].isdigit() else "0" for syllable in syllables)
    return (letters, tones, text)


def sorted_by_name(items, language=None, name=str):
    """`items` ordered by `name(item)` for the language."""
    return sorted(items, key=lambda item: sort_key(name(item), language))
