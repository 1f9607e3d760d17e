"""The supervisors' statistics windows."""
