"""Password hashing with Argon2id (memory-hard); clear passwords are never stored or logged."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from clerk_app.domain.errors import FieldError

APP_HASHER = PasswordHasher()  # argon2id, library defaults (64 MiB, t=3, 4 lanes)
MIN_LENGTH = 8

hasher: PasswordHasher = APP_HASHER
"""The hasher in use, looked up at every call, so it can be replaced (a test suite puts a
cheaper Argon2id one here). A hash carries its own parameters: it verifies whichever
Argon2id hasher made it."""


def hash_password(password: str) -> str:
    return hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password_strength(password: str, key: str = "password") -> str:
    """Refuse passwords shorter than 8 characters or without a letter and a digit."""
    if len(password) < MIN_LENGTH:
        raise FieldError(key, f"Hasło musi mieć co najmniej {MIN_LENGTH} znaków.")
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        raise FieldError(key, "Hasło musi zawierać co najmniej jedną literę i jedną cyfrę.")
    return password
