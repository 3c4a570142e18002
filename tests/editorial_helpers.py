"""Posting an admin change form as a browser would: every field as rendered."""

from html.parser import HTMLParser


class FormFields(HTMLParser):
    """The values a browser submits for the form with id `form_id` (no submit buttons)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.values = form_id, False, {}
        self.textarea = self.select = None
        self.multiple = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.values.setdefault(name, []).append(attrs.get("value", "on"))
            else:
                self.values.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.values[name] = [""]
        elif tag == "select" and name:
            self.select = name
            self.values.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.values[self.select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea][0] += data


def submitted(html, form_id, **changes):
    """The POST data of the rendered form, textareas as browsers send them (CR LF)."""
    parser = FormFields(form_id)
    parser.convert_charrefs = True
    parser.feed(html)
    data = {}
    for name, values in parser.values.items():
        data[name] = [
            # The parser keeps the newline after <textarea> that browsers drop.
            value.removeprefix("\n").replace("\r\n", "\n").replace("\n", "\r\n")
            for value in values
        ]
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    return data
