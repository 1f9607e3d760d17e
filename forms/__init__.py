"""Qt Designer forms, shipped as the package data of ``clerk_app.forms``."""
