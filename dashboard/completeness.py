"""Which languages a record still lacks: the one question the dashboard asks about it."""


def missing_languages(record):
    """Codes of the languages, optional ones too, in which a counted text is empty.

    The one place the dashboard and the digest ask; the admin's completeness column and
    the public "partly translated" notice read the same property.
    """
    return record.missing_languages
