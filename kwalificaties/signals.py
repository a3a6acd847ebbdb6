"""Signals of the catalog, for higher floors that keep data per werkproces."""

from django.dispatch import Signal

# Sent by the catalog import (inside its transaction) with `gedrag`: {werkproces pk:
# SBB's werkprocesgedrag text} and `proberen`: True for the dry run (count, write
# nothing). A receiver returns how many gedragsvoorbeeld drafts it made (or would make).
werkprocesgedrag_geimporteerd = Signal()
