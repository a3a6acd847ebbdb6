from django import forms


class Datumveld(forms.DateInput):
    """The browser's own date picker; ISO format so that it shows the initial value."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
