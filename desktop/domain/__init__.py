"""The domain layer: the playbook (methodology as data) and the rules built on it, and how
reps write amounts, dates and phones (``amounts``, ``dates``, ``phones``, on Babel and
phonenumbers).

Pure Python: nothing here imports Qt or SQLAlchemy.
"""
