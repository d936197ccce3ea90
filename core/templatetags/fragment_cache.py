"""`{% sharedcache "name" var … %}…{% endsharedcache %}`: a fragment that is the same for every
person, rendered once per content generation and language (core.fragments)."""

from django import template
from django.utils.safestring import mark_safe

from core.fragments import shared_fragment

register = template.Library()


class SharedCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        vary_on = [var.resolve(context) for var in self.vary_on]
        html = shared_fragment(
            context.get("request"), self.name, vary_on, lambda: self.nodelist.render(context)
        )
        return mark_safe(html)  # noqa: S308 (the template's own escaped output)


@register.tag("sharedcache")
def do_sharedcache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            "'sharedcache' needs a fragment name: {% sharedcache \"name\" var … %}"
        )
    name = bits[1]
    if not (name[0] == name[-1] and name[0] in "\"'"):
        raise template.TemplateSyntaxError("'sharedcache': the fragment name must be quoted")
    nodelist = parser.parse(("endsharedcache",))
    parser.delete_first_token()
    return SharedCacheNode(nodelist, name[1:-1], [parser.compile_filter(b) for b in bits[2:]])
