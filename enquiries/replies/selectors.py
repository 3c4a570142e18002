from ..models import Enquiry
from . import links


def enquiry_for_token(token):
    """The enquiry a signed link opens; raises links.BadLink or links.ExpiredLink."""
    enquiry = Enquiry.objects.select_related("desk").filter(pk=links.enquiry_pk(token)).first()
    if enquiry is None:
        raise links.BadLink(token)
    links.check(token, enquiry)
    return enquiry


def replies_of(enquiry):
    """What the investor may read: the replies sent, oldest first (never internal notes)."""
    return list(enquiry.replies.select_related("author").order_by("sent_at", "pk"))
