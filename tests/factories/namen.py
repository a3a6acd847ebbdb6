"""Names for the factories."""

import factory


class Naam(factory.Faker):
    """A Dutch name from Faker (locale nl_NL) without an apostrophe: Faker's
    "van 't Riet" reaches the page as "van &#x27;t Riet", so a test that looks for
    the name in the HTML failed now and then, with the random seed. Tests of escaping
    name their people themselves."""

    def __init__(self, soort: str):
        super().__init__(soort, locale="nl_NL")

    def evaluate(self, instance, step, extra):
        return super().evaluate(instance, step, extra).replace("'", "")
