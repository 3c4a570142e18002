"""The desk performance chart: per month, enquiries received beside those answered within target."""

from django.utils.translation import gettext as _

from localisation import formats
from web import charts


def chart(desk):
    """Columns side by side per month; the year under the first month and each January."""
    months = [figures.month for figures in desk.months]
    return charts.comparison(
        [
            (str(month.month), formats.year(month.year) if i == 0 or month.month == 1 else "")
            for i, month in enumerate(months)
        ],
        [
            (_("Enquiries received"), [m.received for m in desk.months]),
            (_("Answered within target"), [m.within_target for m in desk.months]),
        ],
        title=_("Enquiries received and answered within target per month, %(desk)s")
        % {"desk": desk.desk.name},
        label_heading=_("Month"),
    )
