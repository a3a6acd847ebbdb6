"""Fixed rules of outcomes and follow-up measurements (the periods are a setting)."""

from trajecten.constants import TrajectStatus

# A traject has ended (and gets an outcome) once the verklaring is issued, and in
# every state after; a dropped-out traject has ended too.
EINDSTATUSSEN = [
    TrajectStatus.VERKLARING_UITGEREIKT,
    TrajectStatus.NAZORG,
    TrajectStatus.AFGESLOTEN,
    TrajectStatus.UITGEVALLEN,
]

# Months after the outcome date at which follow-ups are planned when the setting
# VERVOLGMETING_MAANDEN is absent.
STANDAARD_VERVOLGMETING_MAANDEN = [6, 12]

# A follow-up may be filled in this many days before its planned date: the consulent
# often reaches the candidate a little early.
VERVOLGMETING_MARGE_DAGEN = 30

# Hours per week of a job: the outcome's check constraint allows at most 60.
MAX_UREN_PER_WEEK = 60

# The models' toelichting fields (TextField max_length is a form-only limit).
MAX_TOELICHTING = 1000
