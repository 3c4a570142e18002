"""Investor enquiries, the desks that answer them and the emails they trigger."""

from .booking import Booking, CallSlot
from .desk import Desk, RoutingRule
from .enquiry import Enquiry
from .notification import Notification
from .reply import Reply
from .sla import DeskPerformance, WorkingDayAdjustment

__all__ = [
    "Booking",
    "CallSlot",
    "Desk",
    "DeskPerformance",
    "Enquiry",
    "Notification",
    "Reply",
    "RoutingRule",
    "WorkingDayAdjustment",
]
