from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("notifikasi/partials/_lonceng.html", takes_context=True)
def lonceng(context):
    """The bell in the header: the unread count of the logged-in user (one COUNT query)."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"tampil": False}
    return {"tampil": True, "jumlah": selectors.jumlah_belum_dibaca(user=user)}
