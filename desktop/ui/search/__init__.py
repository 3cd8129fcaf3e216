"""The search box in the toolbar and its results list, grouped by kind."""
