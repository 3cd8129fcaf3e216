"""The pipeline review: one printable page (PDF) of the rep's pipeline, for the weekly review."""
