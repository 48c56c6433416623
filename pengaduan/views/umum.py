"""What the complaint pages share."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def terapkan_error(form, e: ValidationError) -> None:
    """A service's ValidationError onto the form: on the field it names, else on the form."""
    if hasattr(e, "error_dict"):
        for field, errs in e.error_dict.items():
            for err in errs:
                form.add_error(field if field in form.fields else None, err)
    else:
        for m in e.messages:
            form.add_error(None, m)
