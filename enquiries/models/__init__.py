"""Investor enquiries, the desks that answer them and the emails they trigger."""

from .booking import Booking, CallSlot
from .desk import Desk, RoutingRule
from .enquiry import Enquiry
from .notification import Notification
from .reply import Reply

__all__ = ["Booking", "CallSlot", "Desk", "Enquiry", "Notification", "Reply", "RoutingRule"]
