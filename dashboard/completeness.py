"""Which texts a record still lacks, per language: the one question the dashboard asks."""

from localisation import languages
from projects.models.publishable import missing_translations


def missing_by_language(record):
    """{language code: names of the counted fields still empty in it}, gaps only.

    The same fields and rule as the admin's completeness column and the public
    "partly translated" notice (Publishable.required_translations).
    """
    fields = record.required_translations()
    gaps = {
        code: [name for name in fields if missing_translations(record, [name], [code])]
        for code in languages.codes()
    }
    return {code: names for code, names in gaps.items() if names}
