def vandaag_lijst(response, code: str) -> list:
    """The objects of one line of the home page's "Vandaag" block ([] when absent)."""
    soort = response.context["vandaag"].soort(code)
    return soort.objecten if soort else []
