"""Sign-in attempts per client address in a sliding minute: slows password spraying across
many accounts, which the per-account lockout (services/accounts/signin.py) does not see.
In memory, per server process; behind a proxy the proxy's address is the client's."""

from __future__ import annotations

import time
from collections import deque

from services.errors import TooManyAttempts

WINDOW_S = 60.0
MAX_CLIENTS = 100_000  # forget the oldest clients beyond this, so memory stays bounded


class AttemptThrottle:
    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self._seen: dict[str, deque[float]] = {}

    def check(self, client: str, now: float | None = None) -> None:
        """Count an attempt; TOO_MANY_REQUESTS when the client is over its minute's budget."""
        now = time.monotonic() if now is None else now
        attempts = self._seen.pop(client, None) or deque()
        while attempts and attempts[0] <= now - WINDOW_S:
            attempts.popleft()
        self._seen[client] = attempts  # re-inserted: the dict stays in least-recent order
        if len(attempts) >= self.per_minute:
            raise TooManyAttempts("too many sign-in attempts from this address; wait a minute",
                                  retry_after=int(attempts[0] + WINDOW_S - now) + 1)
        attempts.append(now)
        if len(self._seen) > MAX_CLIENTS:
            del self._seen[next(iter(self._seen))]
