from django.db import IntegrityError, transaction

from ..models import Booking, Notification
from ..notifications import queue_email


class SlotTaken(Exception):
    pass


def book_call(*, enquiry, opening, time_zone):
    """Book an opening for the enquiry; the database refuses a second booking of it."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                booking = Booking.objects.create(
                    enquiry=enquiry,
                    desk=opening.slot.desk,
                    slot=opening.slot,
                    starts_at=opening.starts_at,
                    duration=opening.slot.duration,
                    time_zone=time_zone,
                )
        except IntegrityError as error:
            raise SlotTaken(opening.key) from error
        queue_email(enquiry=enquiry, kind=Notification.Kind.BOOKING, subject_id=booking.pk)
    return booking
