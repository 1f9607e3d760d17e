"""Services: one plain function per user action; each runs in its own transaction."""
