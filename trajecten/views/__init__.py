from .advies import AdviesCreateView, AdviesDetailView, MatchingView
from .traject import (
    FinancieringToevoegenView,
    OndertekeningView,
    OvereenkomstenGenererenView,
    OvereenkomstenPaneelView,
    OvereenkomstPdfView,
    PlaatsingToevoegenView,
    TrajectDetailView,
    TrajectListView,
    TrajectStartView,
    TrajectStatusView,
)

__all__ = [
    "AdviesCreateView",
    "AdviesDetailView",
    "FinancieringToevoegenView",
    "MatchingView",
    "OndertekeningView",
    "OvereenkomstPdfView",
    "OvereenkomstenGenererenView",
    "OvereenkomstenPaneelView",
    "PlaatsingToevoegenView",
    "TrajectDetailView",
    "TrajectListView",
    "TrajectStartView",
    "TrajectStatusView",
]
