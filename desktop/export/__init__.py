"""Writing data out of Callbrief: account bundles and other exports."""
