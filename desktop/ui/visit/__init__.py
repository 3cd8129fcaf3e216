"""The guided visit plan: the five steps, objections, visit mode and the call report."""
