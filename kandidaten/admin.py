# Candidates are not in the admin: their personal data is only shown in the portal,
# where every view is scoped and audited.
