"""What a Chinese reader notices on a page: the checks of the Chinese crawl.

`problems(html)` lists every offence on one page: a time-zone database name,
ASCII punctuation right after Chinese text, an English word outside an element
marked `lang="en"`, a doubled site name in the title, Django's "---------".
"""

import re
from html.parser import HTMLParser

SITE_NAME = "投资青岛"

# Brand, company and product names that stay in Latin letters in Chinese text.
ALLOWED_WORDS = {
    "BNK",  # BNK Busan Bank
    "BWT",  # water technology company
    "CJ",  # CJ Group
    "COEX",  # Seoul's convention centre
    "Cookie",  # written so in Chinese, as in the national standards
    "GDPR",  # the EU regulation, after its Chinese name
    "IP",  # IP 地址
    "IQ",  # enquiry references, e.g. IQ-2026-0042
    "Krups",  # Krups Foerder Systeme, German conveyor maker
    "LG",
    "PDF",  # written so in Chinese: PDF 文件, the fact sheets
    "RSS",  # feed links
    "SM",  # SM Entertainment
    "UTC",  # time-zone offsets, e.g. UTC+09:00
    "Wintec",  # Wintec System, Qingdao technology company
}

CHINESE = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
ASCII_AFTER_CHINESE = re.compile(rf"[{CHINESE}][:,;()]")
TZ_NAME = re.compile(
    r"\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)"
    r"/[A-Z][A-Za-z_]+"
)
# Addresses, e-mail and web links are not words; neither are codes such as H135.
NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\b[\w.-]+\.(?:example|com|cn|org)\b")
WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])")
# "¥6.5B", "52 km", "10 m²": a magnitude or unit in Latin letters after a number.
LATIN_UNIT = re.compile(r"\d\s?(?:[BMK]|bn|km|m²|m2|sq)(?![A-Za-z0-9])")

BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "label", "legend", "li", "main", "nav", "ol", "option", "p", "section", "select",
    "table", "td", "th", "title", "tr", "ul", "textarea", "button", "input",
}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
SKIPPED = {"script", "style", "svg"}
TEXT_ATTRIBUTES = ("alt", "placeholder", "aria-label", "title")


class Reader(HTMLParser):
    """Collects the page's visible text with the language each piece is in."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, lang)
        self.pieces = []  # (text, lang)
        self.title = ""
        self.skip = 0

    @property
    def lang(self):
        return self.stack[-1][1] if self.stack else ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang", self.lang) or ""
        if tag in BLOCK:
            self.pieces.append(("\n", lang))
        for name in TEXT_ATTRIBUTES:
            if attrs.get(name) and not self.skip:
                self.pieces.append((f"\n{attrs[name]}\n", lang))
        if tag in SKIPPED:
            self.skip += 1
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        if tag in BLOCK:
            self.pieces.append(("\n", self.lang))

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "title":
            self.title += data
        if not self.skip:
            self.pieces.append((data, self.lang))


def read(html):
    reader = Reader()
    reader.feed(html)
    reader.close()
    return reader


def problems(html):
    """Every offence on the page, as short descriptions with the text around it."""
    reader = read(html)
    text = "".join(piece for piece, _lang in reader.pieces)
    found = []
    found += [f"time zone name {m.group()!r}" for m in TZ_NAME.finditer(text)]
    found += [
        f"ASCII punctuation after Chinese: {text[max(0, m.start() - 12) : m.end() + 8]!r}"
        for m in ASCII_AFTER_CHINESE.finditer(text)
    ]
    found += [f"English word {word!r}" for word in english_words(reader.pieces)]
    found += [f"Latin unit after a number {m.group()!r}" for m in latin_units(reader.pieces)]
    if reader.title.count(SITE_NAME) != 1:
        found.append(
            f"title names the site {reader.title.count(SITE_NAME)} times: {reader.title!r}"
        )
    if "---------" in html:
        found.append("empty choice shown as ---------")
    return found


def english_words(pieces):
    """Latin-letter words in text that is not marked as English."""
    words = []
    for piece, lang in pieces:
        if lang.lower().startswith("en"):
            continue
        for word in WORD.findall(NOT_WORDS.sub(" ", piece)):
            if word not in ALLOWED_WORDS:
                words.append(word)
    return words


def latin_units(pieces):
    for piece, lang in pieces:
        if not lang.lower().startswith("en"):
            yield from LATIN_UNIT.finditer(NOT_WORDS.sub(" ", piece))


def names_the_centres(html):
    """Whether the page's visible text speaks of the business centres at all."""
    return any(variant in visible_text(html) for variant in CENTRE_VARIANTS)


def visible_text(html):
    return "".join(piece for piece, _lang in read(html).pieces)


# Every way the concept has been written; only the glossary's term may stay.
CENTRE_VARIANTS = ("工商中心", "商务中心", "海外中心", "境外中心")
