"""The upcoming visits screen: today, this week and next, grouped by day."""
