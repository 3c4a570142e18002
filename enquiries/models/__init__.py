"""Investor enquiries, the desks that answer them and the emails they trigger."""

from .desk import Desk, RoutingRule
from .enquiry import Enquiry
from .notification import Notification
from .sla import DeskPerformance, WorkingDayAdjustment

__all__ = [
    "Desk",
    "DeskPerformance",
    "Enquiry",
    "Notification",
    "RoutingRule",
    "WorkingDayAdjustment",
]
