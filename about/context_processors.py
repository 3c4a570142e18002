from django.conf import settings


def filings(request):
    """The footer's registration numbers: each shown only when set (blank in the demo)."""
    return {
        "filings": {
            "icp": settings.ICP_FILING_NUMBER,
            "public_security": settings.PUBLIC_SECURITY_FILING_NUMBER,
            "public_security_code": "".join(
                digit for digit in settings.PUBLIC_SECURITY_FILING_NUMBER if digit.isdigit()
            ),
            "government_site": settings.GOVERNMENT_SITE_ID,
        }
    }
