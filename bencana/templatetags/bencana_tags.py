from django import template

register = template.Library()


@register.filter
def get_item(d, kunci):
    """``{{ dict|get_item:key }}`` for the impact tables."""
    if d is None:
        return ""
    if isinstance(d, dict):
        return d.get(kunci, "")
    return getattr(d, kunci, "")
