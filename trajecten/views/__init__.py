from .advies import AdviesCreateView, AdviesDetailView, MatchingView
from .traject import (
    FinancieringToevoegenView,
    OndertekeningBestandView,
    OndertekeningView,
    OvereenkomstenGenererenView,
    OvereenkomstenPaneelView,
    OvereenkomstPdfView,
    PlaatsingToevoegenView,
    TrajectCorrigerenView,
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
    "OndertekeningBestandView",
    "OndertekeningView",
    "OvereenkomstPdfView",
    "OvereenkomstenGenererenView",
    "OvereenkomstenPaneelView",
    "PlaatsingToevoegenView",
    "TrajectCorrigerenView",
    "TrajectDetailView",
    "TrajectListView",
    "TrajectStartView",
    "TrajectStatusView",
]
