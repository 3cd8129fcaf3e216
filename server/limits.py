"""Login rate limit: after N failed logins in a minute for one user name from one address, more
attempts get 429 until the oldest failure is a minute old.

Kept in the server process's memory: a restart forgets it, which costs an attacker a restart
they cannot cause, and a second server process behind the proxy doubles the budget at most (the
Argon2 hash already makes each guess cost ~50 ms of server time). Keyed by name *and* address so
that someone guessing a colleague's password from elsewhere does not lock the colleague out.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from server.auth import Clock, utc_now

WINDOW = timedelta(minutes=1)
# Sweep forgotten keys every this many failures, so the table stays bounded without a timer.
SWEEP_EVERY = 1000


@dataclass
class LoginLimiter:
    """Counts failed logins per (user name, address) over a sliding minute."""

    limit: int
    clock: Clock = utc_now
    _failures: dict[tuple[str, str], deque[datetime]] = field(default_factory=dict)
    _since_sweep: int = 0

    def retry_after(self, username: str, address: str) -> int:
        """Seconds to wait before the next attempt is heard; 0 when it may go ahead."""
        recent = self._recent((username, address))
        if len(recent) < self.limit:
            return 0
        wait = recent[0] + WINDOW - self.clock()
        return max(1, int(wait.total_seconds() + 0.999))

    def failed(self, username: str, address: str) -> None:
        self._recent((username, address)).append(self.clock())
        self._since_sweep += 1
        if self._since_sweep >= SWEEP_EVERY:
            self._since_sweep = 0
            for key in [k for k in self._failures if not self._recent(k)]:
                del self._failures[key]

    def succeeded(self, username: str, address: str) -> None:
        self._failures.pop((username, address), None)

    def _recent(self, key: tuple[str, str]) -> deque[datetime]:
        times = self._failures.setdefault(key, deque())
        cutoff = self.clock() - WINDOW
        while times and times[0] <= cutoff:
            times.popleft()
        return times
