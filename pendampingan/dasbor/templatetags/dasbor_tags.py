from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag(takes_context=True)
def panel_render(context, panel):
    """Render a registered panel's template with its dict as the context (plus the region, the
    period, the user and the request)."""
    ctx = {
        **panel["data"],
        "wilayah": context.get("wilayah"),
        "periode": context.get("periode"),
        "user": context.get("user"),
        "untuk_pdf": context.get("untuk_pdf", False),
    }
    return render_to_string(panel["template"], ctx, request=context.get("request"))


@register.filter
def angka(n):
    """Thousands with a dot, as Indonesians write them."""
    try:
        return f"{int(n):,}".replace(",", ".")
    except (TypeError, ValueError):
        return n
