"""Statistics for supervisors."""
