"""Finding and reading cases: the list query, search plans, the case screen."""
