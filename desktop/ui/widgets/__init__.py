"""Small shared widgets: playbook combos and checklists, section headers, warning lists."""
