"""The registers' dialog (case register and incoming-mail register)."""
