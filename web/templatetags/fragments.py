"""{% fragment "name" record vary… %}…{% endfragment %}: a cached piece of a page
(web/fragments.py). `record` may be None for a piece of no record (the chrome); each
further argument is part of the key (a card's heading level, a current section)."""

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
        return fragments.cached(name, record, lambda: self.nodelist.render(context), *vary)


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
