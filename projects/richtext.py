"""Staff-entered rich text: a small set of tags, cleaned with nh3."""

import re

import nh3

ALLOWED_TAGS = {"p", "br", "h2", "h3", "ul", "ol", "li", "strong", "em", "a", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

# Text pasted from Word and WeChat articles: their tags for bold, italics and headings
# become ours before cleaning, so the emphasis survives the tag list.
RENAMED_TAGS = {"b": "strong", "i": "em", "h1": "h2", "h4": "h3", "h5": "h3", "h6": "h3"}
RENAMED = re.compile(r"<(/?)(b|i|h[1456])(?=[\s/>])", re.I)
# Word's typed list bullets ("·" and spaces) sit between these markers.
WORD_BULLET = re.compile(r"<!\[if !supportLists\]>.*?<!\[endif\]>", re.I | re.S)
# Paragraphs left with nothing to read: Word's <o:p>&nbsp;</o:p>, WeChat's <p><br></p>.
EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|\u00a0|<br>)*</p>")


def rename_tags(value):
    return RENAMED.sub(lambda m: f"<{m[1]}{RENAMED_TAGS[m[2].lower()]}", value)


def clean_html(value):
    """Keep only the allowed tags; links get rel="noopener noreferrer"."""
    value = rename_tags(WORD_BULLET.sub("", value or ""))
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    return EMPTY_PARAGRAPH.sub("", cleaned).strip()
