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
    syllables = lazy_pinyin(text.strip(), style=Style.TONE3, neutral_tone_with_five=True)
    # Syllable by syllable, each by its letters and then its tone, as a dictionary orders
    # them: 阿 ā before 埃 āi before 爱 ài, and 埃及 before 爱尔兰.
    return (tuple(_syllable(syllable) for syllable in syllables), text)


def _syllable(syllable):
    tone = syllable[-1] if syllable[-1:].isdigit() else "0"
    return (_latin(syllable.rstrip("012345")), tone)


def sorted_by_name(items, language=None, name=str):
    """`items` ordered by `name(item)` for the language."""
    return sorted(items, key=lambda item: sort_key(name(item), language))
