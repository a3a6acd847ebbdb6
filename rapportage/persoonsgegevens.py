"""The dashboards' facts hold no personal values (organisaties.audit): ids, dates and
codes that anonymising keeps, so the figures stay the same."""

from organisaties.audit import persoonsvelden_registreren

from .models import KandidaatFeit, TrajectFeit

persoonsvelden_registreren(
    KandidaatFeit,
    kandidaat="kandidaat",
    bewaard=["bron", "uitkering", "startkwalificatie"],  # codes of the intake's choices
)
persoonsvelden_registreren(
    TrajectFeit,
    kandidaat="kandidaat__kandidaat",
    bewaard=["status", "uitval_reden", "uitkomst"],  # codes of the traject's choices
)
