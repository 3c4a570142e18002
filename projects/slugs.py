"""Web addresses for records started in Chinese: pinyin of the name when none is given."""

from django.utils.text import slugify
from pypinyin import lazy_pinyin


def suggest_slug(model, names, max_length=100):
    """A free slug from the first name given: 中德生态园 -> zhong-de-sheng-tai-yuan."""
    name = next((name for name in names if name and name.strip()), "")
    base = slugify(" ".join(lazy_pinyin(name)))[: max_length - 4].strip("-")
    base = base or model._meta.model_name
    slug, number = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
