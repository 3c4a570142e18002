"""{% fragment "name" record vary… %}…{% endfragment %}: a cached piece of a page
(web/fragments.py). `record` may be None for a piece of no record (the chrome); each
further argument is part of the key (a card's heading level, a current section); an
argument that is None makes the piece rendered, not cached."""

from django import template

from web import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, record, vary, nodelist):
        self.name, self.record, self.vary, self.nodelist = name, record, vary, nodelist

    def render(self, context):
        name = self.name.resolve(context)
        record = self.record.resolve(context)
        vary = [value.resolve(context) for value in self.vary]
        if any(value is None for value in vary):
            return self.nodelist.render(context)  # a state not worth keeping
        return fragments.cached(name, record, lambda: self.nodelist.render(context), *vary)


@register.filter
def form_state(form):
    """What a filter form shows, as a key; None when its input is not all valid (the
    errors and the typed values are rendered, not kept)."""
    if not form.is_valid():
        return None
    shown = [sorted(form.cleaned_data.items())]
    for field in form.fields.values():
        # The options it lists: from the database, they may change without the input.
        shown.append(getattr(field, "choices", None))
        shown.append(getattr(field.widget, "suggestions", None))
    return fragments.stamps(shown)


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            "{% fragment %} takes a name and a record (or None), then what it varies by."
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name, record, *vary = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(name, record, vary, nodelist)
