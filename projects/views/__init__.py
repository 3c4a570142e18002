"""Public pages, one module per kind of content."""

from .centres import centre_detail, centre_list
from .events import event_detail, event_ics, event_list
from .home import home
from .parks import park_detail, park_list
from .policies import policy_detail, policy_document, policy_list
from .records import record_detail, record_list
from .search import search
from .seo import favicon, robots_txt

__all__ = [
    "centre_detail",
    "centre_list",
    "event_detail",
    "event_ics",
    "event_list",
    "home",
    "park_detail",
    "park_list",
    "policy_detail",
    "policy_document",
    "policy_list",
    "record_detail",
    "record_list",
    "favicon",
    "robots_txt",
    "search",
]
