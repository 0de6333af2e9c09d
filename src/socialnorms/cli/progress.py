"""A one-line progress display on a terminal's stderr, for runs that take more than a moment."""

from __future__ import annotations

import threading
import time
from typing import TextIO

#: Seconds a run may take before progress is shown.
DELAY = 1.0


class Progress:
    """Shows what the checker is doing (``reading acme.jsonl 2.4s``) on ``stream``,
    rewriting one line, once the run has taken longer than ``delay`` seconds.

    Disabled, it does nothing: the command line enables it only when stderr is a
    terminal. Use it as a context manager and call it with each new stage.
    """

    def __init__(self, stream: TextIO, *, enabled: bool, delay: float = DELAY) -> None:
        self.stream = stream
        self.enabled = enabled
        self.delay = delay
        self.stage = ""
        self.shown = False
        self._start = time.monotonic()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self, stage: str) -> None:
        self.stage = stage

    def line(self, now: float) -> str | None:
        """The line to show at ``now`` (a ``time.monotonic`` value), or ``None`` yet."""
        elapsed = now - self._start
        if not self.stage or elapsed < self.delay:
            return None
        return f"{self.stage} {elapsed:.1f}s"

    def _tick(self) -> None:
        while not self._done.wait(0.2):
            text = self.line(time.monotonic())
            if text is not None:
                self.stream.write(f"\r\x1b[K{text}")
                self.stream.flush()
                self.shown = True

    def __enter__(self) -> Progress:
        if self.enabled:
            self._thread = threading.Thread(target=self._tick, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
