"""Icons and fonts, shipped as the package data of ``clerk_app.resources``."""
