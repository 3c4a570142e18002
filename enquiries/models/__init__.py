"""Investor enquiries, the desks that answer them and the emails they trigger."""

from .desk import Desk, RoutingRule
from .enquiry import Enquiry
from .notification import Notification

__all__ = ["Desk", "Enquiry", "Notification", "RoutingRule"]
