"""Command-line interface: `clerk-app` starts the GUI; sub-commands serve scripts and checks."""
