"""The domain layer: the playbook (methodology as data) and the rules built on it.

Pure Python: nothing here imports Qt or SQLAlchemy.
"""
