"""Django's and the libraries' own messages whose Chinese reads badly.

Our catalogue (locale/, first in LOCALE_PATHS) translates these msgids again,
so it overrides Django's and django-countries' Chinese; listing them here keeps
`makemessages --no-obsolete` from dropping the corrections.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

CORRECTED = [
    # Form labels: full-width colon, and no colon after a label that ends in 。？！
    gettext_noop(":"),
    gettext_noop(":?.!"),
    # Validation messages public forms show.
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Email address"),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid time."),
    gettext_noop("Enter a valid date/time."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
    ),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
    ),
    # django-countries: full-width brackets in Chinese.
    gettext_noop("Cocos (Keeling) Islands"),
]
