"""A CPU-time budget per article: the last guard against an input that makes
extraction slow.

Every pattern is meant to run in time linear in its input
(benchmarks/bench_adversarial.py), but a nightly cron job must not hang on
the one article that proves otherwise.  ``budgeted(seconds, label, fn, ...)``
runs ``fn`` under a one-shot ``ITIMER_PROF`` timer (CPU time of this
process, so a busy machine does not make articles fail); when it fires, the
extraction stops where it is and ``ArticleTimeoutError`` names the article.
The caller reports it and goes on with the next one.

The timer is a signal, so the budget holds where extraction runs on a
process's main thread: ``extract``, ``ingest``, and the worker processes of
``--jobs``.  Elsewhere (Dask's worker threads, platforms without
``setitimer``) ``fn`` runs without a budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import ArticleTimeoutError

#: Seconds of CPU time one article may take (``--article-timeout``).  Real
#: articles take milliseconds; 10 MB of hostile text under a minute.
DEFAULT_ARTICLE_TIMEOUT = 60.0

R = TypeVar("R")


class _Expired(BaseException):
    """Raised by the timer inside the extractors.  A BaseException, so that
    no ``except Exception`` on the way can swallow it."""


_state = {"armed": False, "installed": False}


def _on_timer(_signum: int, _frame: object) -> None:
    if _state["armed"]:
        _state["armed"] = False
        raise _Expired


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def budgeted(seconds: float | None, label: str, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> R:
    """``fn(*args, **kwargs)``, stopped with ``ArticleTimeoutError`` naming
    ``label`` once it has used ``seconds`` of CPU time (None or 0: no limit).
    A budget already running (a nested call) is left to run out."""
    if not seconds or seconds <= 0 or _state["armed"] or not _can_time():
        return fn(*args, **kwargs)
    if not _state["installed"]:
        # Installed once and left in place: a late signal finds it disarmed
        # instead of the default action, which would end the process.
        signal.signal(signal.SIGPROF, _on_timer)
        _state["installed"] = True
    try:
        _state["armed"] = True
        signal.setitimer(signal.ITIMER_PROF, seconds)
        try:
            return fn(*args, **kwargs)
        finally:
            _state["armed"] = False
            signal.setitimer(signal.ITIMER_PROF, 0)
    except _Expired:
        _state["armed"] = False
        raise ArticleTimeoutError(
            f"{label} took more than {seconds:g} s of CPU time to extract and was skipped; "
            "raise --article-timeout, or report the article"
        ) from None
