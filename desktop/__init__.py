"""Callbrief: call planning for B2B field sales reps."""

__version__ = "0.1.0"
