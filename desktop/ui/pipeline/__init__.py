"""The pipeline screen: the rep's open deals as charts, the stalled ones as a list."""
