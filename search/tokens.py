"""Our own tokeniser, so SQLite and PostgreSQL index and find the same words.

Latin words are lower-cased and lightly stemmed ("parks" finds "park"); a run of CJK
characters becomes its single characters and its overlapping pairs, so a one-character
query (港) and a two-character word inside a sentence (青岛) both match.
"""

import re

WORD = re.compile(r"[0-9a-z]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Endings a plural "s" is part of, not added to: "business", "campus", "analysis".
KEEP_S = ("ss", "us", "is")


def stem(word):
    """A light English stemmer: plurals only, so what it does is easy to predict."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(KEEP_S):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


def runs(text):
    """The Latin words and CJK runs of `text`, lower-cased, in order."""
    return WORD.findall((text or "").casefold())


def is_cjk(run):
    return bool(CJK.match(run))


def document_tokens(text):
    """What is indexed: stems of words; each CJK character and each pair of neighbours."""
    tokens = []
    for run in runs(text):
        if not is_cjk(run):
            tokens.append(stem(run))
            continue
        for index, char in enumerate(run):
            tokens.append(char)
            if index + 1 < len(run):
                tokens.append(run[index : index + 2])
    return tokens


def query_terms(text):
    """What is searched: stems of words; a CJK run as its pairs (one character alone)."""
    terms = []
    for run in runs(text):
        if not is_cjk(run):
            terms.append(stem(run))
        elif len(run) == 1:
            terms.append(run)
        else:
            terms += [run[index : index + 2] for index in range(len(run) - 1)]
    return list(dict.fromkeys(terms))


def words(text):
    """The Latin words of `text` (unstemmed): the vocabulary typos are corrected to."""
    return {run for run in runs(text) if not is_cjk(run) and not run.isdigit() and len(run) > 2}
