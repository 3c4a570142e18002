"""Which texts a record still lacks, per language: the one question the dashboard asks."""

from projects import completeness


def missing_by_language(record):
    """{language code: names of the counted fields still empty in it}, gaps only.

    The admin's completeness column and the public "partly translated" notice answer
    from the same function (projects.completeness.report).
    """
    return {
        code: list(result.missing_fields)
        for code, result in completeness.report(record).items()
        if result.missing_fields
    }
