"""The case register (*spis spraw*) and the incoming-mail register (supervisors)."""
