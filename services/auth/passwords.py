"""Password hashing with argon2id (argon2-cffi's defaults follow RFC 9106's second choice)
and the rules a new password must meet.

A hash costs 64 MiB and tens to hundreds of milliseconds of CPU by design, so the services
call the async forms, which run it in a worker thread (argon2 releases the GIL): the event
loop keeps answering other requests meanwhile."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from domain.errors import BadInput

MIN_LENGTH, MAX_LENGTH = 10, 256
_hasher = PasswordHasher()  # argon2id
# Verified when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("thidua-no-such-account")


def check_strength(password: str) -> str:
    if not isinstance(password, str) or not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise BadInput(f"a password has {MIN_LENGTH} to {MAX_LENGTH} characters", rule="accounts.password.length",
                       message_vi=f"Mật khẩu phải có từ {MIN_LENGTH} đến {MAX_LENGTH} ký tự")
    if password.isdigit() or len(set(password)) < 4:
        raise BadInput("the password is too easy to guess", rule="accounts.password.strength",
                       message_vi="Mật khẩu quá dễ đoán")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(check_strength(password))


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's (rehash on sign-in)."""
    return _hasher.check_needs_rehash(password_hash)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not the account exists (`password_hash` None)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


async def hashed(password: str) -> str:
    check_strength(password)
    return await asyncio.to_thread(hash_password, password)


async def verified(password_hash: str | None, password: str) -> bool:
    return await asyncio.to_thread(verify_password, password_hash, password)
