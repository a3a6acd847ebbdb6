"""Fixed rules of outcomes and follow-up measurements (the periods are a setting)."""

from trajecten.constants import ACTIEVE_STATUSSEN, TrajectStatus

# A traject has ended (and gets an outcome) once it is no longer active: from the
# issued verklaring on, and when it dropped out.
EINDSTATUSSEN = [s for s in TrajectStatus if s not in ACTIEVE_STATUSSEN]

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
