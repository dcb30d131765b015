"""A time budget for one extraction: long loops check it, and give up cleanly when it is spent.

Every step of the engine is linear, so a budget is a second line of defence: it bounds the
worst case a client can cause (1 MB of the most costly text) whatever the machine.
"""

from __future__ import annotations

import time


class BudgetExceeded(Exception):
    """The extraction took longer than its budget allows."""


class Budget:
    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = seconds
        self._deadline = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise BudgetExceeded(f"the extraction took more than {self.seconds:g} s")


UNLIMITED = Budget()
