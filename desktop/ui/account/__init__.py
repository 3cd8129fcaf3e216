"""The account page: profile and research, decision circle, opportunities and visits."""
