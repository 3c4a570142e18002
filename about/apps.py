from django.apps import AppConfig


class AboutConfig(AppConfig):
    """Pages about the site: contact, accessibility, site map, style guide; footer filings."""

    name = "about"
    verbose_name = "About the site"
