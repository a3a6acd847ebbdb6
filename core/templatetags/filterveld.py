"""`{% filterveld field %}`: one field of a list page's filter form (a GET form) in
the same Bootstrap markup as crispy-forms' `as_crispy_field` (label, widget classes,
`is-invalid`, the error tied to the field with aria-describedby, help text), written
in Python. Through crispy's templates the filter form was a quarter of a 50-row
list's time (issue #15). Widgets other than text-like inputs, selects and a single
checkbox go through crispy as before."""

from django import forms, template
from django.utils.html import format_html, format_html_join

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

register = template.Library()

_SNEL = (forms.widgets.Input, forms.Select, forms.CheckboxInput)
_NIET_SNEL = (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.SelectMultiple)


@register.simple_tag
def filterveld(veld: forms.BoundField) -> str:
    widget = veld.field.widget
    if not isinstance(widget, _SNEL) or isinstance(widget, _NIET_SNEL):
        return as_crispy_field(veld)
    vinkje = isinstance(widget, forms.CheckboxInput)
    klassen = [
        widget.attrs.get("class", ""),
        widget.__class__.__name__.lower(),
        "form-check-input"
        if vinkje
        else "form-select"
        if isinstance(widget, forms.Select)
        else "form-control",
    ]
    attrs = {}
    beschreven = []
    if veld.help_text:
        beschreven.append(f"{veld.auto_id}_helptext")
    if veld.errors:
        klassen.append("is-invalid")
        attrs["aria-invalid"] = "true"
        beschreven.append(f"{veld.auto_id}_error")
    if beschreven:
        attrs["aria-describedby"] = " ".join(beschreven)
    attrs["class"] = " ".join(k for k in klassen if k)
    invoer = veld.as_widget(attrs=attrs)
    fouten = ""
    if veld.errors:
        fouten = format_html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            veld.auto_id,
            format_html_join(
                "",
                '<p id="error_{}_{}"><strong>{}</strong></p>',
                ((i, veld.auto_id, fout) for i, fout in enumerate(veld.errors, 1)),
            ),
        )
    hulp = ""
    if veld.help_text:
        hulp = format_html(
            '<div id="{}_helptext" class="form-text">{}</div>',
            veld.auto_id,
            veld.help_text,
        )
    label, label_klasse = veld.label, "form-label"
    if veld.field.required:
        label = format_html('{}<span class="asteriskField">*</span>', label)
        label_klasse += " requiredField"
    if vinkje:
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check">{}'
            '<label for="{}" class="form-check-label">{}</label>{}{}</div></div>',
            veld.auto_id,
            invoer,
            veld.id_for_label,
            label,
            fouten,
            hulp,
        )
    return format_html(
        '<div id="div_{}" class="mb-3"><label for="{}" class="{}">{}</label>'
        "{}{}{}</div>",
        veld.auto_id,
        veld.id_for_label,
        label_klasse,
        label,
        invoer,
        fouten,
        hulp,
    )
