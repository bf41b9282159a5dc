"""Run a per-article function over many articles, in input order.

Two engines, one contract: ``map_ordered(fn, items, jobs=N)`` (the standard
library's process pool on this machine) and ``dask_map(fn, items, ...)`` (a
Dask cluster: a local one on loopback, or a running ``dask scheduler``).
Both yield ``fn(item)`` for every item in the order of ``items``, keep only a
bounded number of items in flight (memory does not grow with the input), and
raise an exception from ``fn`` at the position of its item, after the results
before it -- exactly what the plain ``map(fn, items)`` of ``jobs=1`` does.

``fn`` must be picklable (a module-level function, or a ``functools.partial``
of one) and pure: the workers never touch the store; the caller, in the main
process, is the only writer.

Nothing here prints; Dask's own logging is kept at ERROR.
"""

from __future__ import annotations

import functools
import io
import itertools
import logging
import os
import pickle
import select
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from .errors import EngineError, UsageError

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")

#: Items sent to a worker in one task (amortises pickling and IPC).
DEFAULT_CHUNKSIZE = 8
#: Tasks in flight per worker: enough to keep workers busy, bounded memory.
TASKS_PER_WORKER = 4
#: Items per Dask bag (one ``client.compute``); two bags are in flight.
DEFAULT_DASK_BATCH = 1024
#: Partitions per Dask worker in each bag.
PARTITIONS_PER_WORKER = 4
#: How long to wait for a Dask scheduler before giving up (a broken network
#: fails in seconds, not minutes).
DEFAULT_CONNECT_TIMEOUT = "5s"


def resolve_jobs(jobs: int | None) -> int:
    """Worker processes for ``--jobs``: 0 means every core this process may
    use; None means 1."""
    if jobs is None:
        return 1
    if jobs < 0:
        raise UsageError(f"--jobs {jobs} is negative; use 0 for every core, or a positive number")
    if jobs == 0:
        return cpu_count()
    return jobs


def cpu_count() -> int:
    """Cores this process may run on (its CPU affinity where the OS tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def input_waiting(stream: BinaryIO) -> bool:
    """Can ``stream``'s descriptor be read without blocking (more data, or
    its end)?  Unknown (no descriptor: a test's BytesIO) counts as yes."""
    try:
        ready, _, _ = select.select([stream.fileno()], [], [], 0)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return True
    return bool(ready)


# --------------------------------------------------------------------------
# Results that carry an exception back to the caller


class _Raised:
    """An exception raised by ``fn`` on one item, carried back in order."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error


def _call(fn: Callable[[T], R], item: T) -> R | _Raised:
    try:
        return fn(item)
    except Exception as err:  # noqa: BLE001 - re-raised by the caller at this item's position
        try:
            pickle.dumps(err)
        except Exception:  # noqa: BLE001 - an unpicklable exception still reports its type and message
            err = RuntimeError(f"{type(err).__name__}: {err}")
        return _Raised(err)


def _call_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R | _Raised]:
    return [_call(fn, item) for item in chunk]


def _unwrap(result: R | _Raised) -> R:
    if isinstance(result, _Raised):
        raise result.error
    return result


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# --------------------------------------------------------------------------
# The process pool


def map_ordered(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    window: int | None = None,
    would_block: Callable[[], bool] | None = None,
) -> Iterator[R]:
    """``fn(item)`` for every item, in order, on ``jobs`` worker processes.

    ``jobs=1`` is the plain ``map`` in this process.  Otherwise items go to a
    ``ProcessPoolExecutor`` in chunks of ``chunksize``, with at most
    ``window`` chunks in flight (default ``4 * jobs``), so a stream of any
    length runs in bounded memory.  ``would_block()`` says whether taking
    the next item may wait on a slow input (stdin): if so, what was read is
    sent and every finished result is yielded first.
    """
    if jobs <= 1:
        yield from map(fn, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # imported on use: it loads multiprocessing

    limit = window or TASKS_PER_WORKER * jobs
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint)
    pending: deque[Future[list[R | _Raised]]] = deque()
    chunk: list[T] = []
    finished = False
    try:
        for item in items:
            chunk.append(item)
            slow = would_block is not None and would_block()
            if len(chunk) >= chunksize or slow:
                pending.append(pool.submit(_call_chunk, fn, chunk))
                chunk = []
            while pending and (len(pending) >= limit or pending[0].done() or slow):
                for result in pending.popleft().result():
                    yield _unwrap(result)
        if chunk:
            pending.append(pool.submit(_call_chunk, fn, chunk))
        while pending:
            for result in pending.popleft().result():
                yield _unwrap(result)
        finished = True
    finally:
        # On an early stop (| head, Ctrl-C, an error) do not wait for the
        # queued chunks; the running ones finish and the workers exit.
        pool.shutdown(wait=finished, cancel_futures=not finished)


# --------------------------------------------------------------------------
# Dask


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _dask_modules() -> tuple[Any, Any, Any, Any]:
    try:
        import dask
        import dask.bag
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError(
            "--engine dask needs Dask, which is not installed; run pip install 'claimcli[dask]'",
            exit_code=UsageError.exit_code,
        ) from None
    return dask, dask.bag, Client, LocalCluster


def _probe(address: str, timeout: str) -> None:
    """Fail in seconds, with one line, when ``address`` is not a reachable
    Dask scheduler (a refused or silent port, or something else answering:
    a proxy's garbage makes distributed allocate absurd buffers)."""
    import asyncio

    import dask.utils
    from distributed.comm import connect

    seconds = dask.utils.parse_timedelta(timeout)

    async def handshake() -> None:
        comm = await connect(address, timeout=seconds)
        await comm.close()

    try:
        asyncio.run(asyncio.wait_for(handshake(), seconds + 1))
    except Exception as err:  # noqa: BLE001 - any failure to talk to the scheduler means the same to the user
        reason = str(err) or type(err).__name__
        raise EngineError(
            f"cannot reach the Dask scheduler at {address} within {timeout} ({reason}); "
            "check --scheduler (tcp://host:8786), or leave it out to run a local cluster"
        ) from None


def dask_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    processes: bool = True,
    batch_size: int = DEFAULT_DASK_BATCH,
    connect_timeout: str = DEFAULT_CONNECT_TIMEOUT,
) -> Iterator[R]:
    """``fn(item)`` for every item, in order, on a Dask cluster.

    With ``scheduler`` (``tcp://host:8786``) the work goes to that running
    ``dask scheduler`` and its workers (each needs claimcli installed);
    without it, to a ``LocalCluster`` of ``workers`` single-threaded worker
    processes (threads when ``processes`` is False) listening on 127.0.0.1
    only.  Items are mapped as Dask bags of ``batch_size`` items, two bags in
    flight, so memory stays bounded.  Raises ``EngineError`` (exit 2) when
    Dask is not installed and ``EngineError`` (exit 1) when the scheduler
    cannot be reached within ``connect_timeout``.
    """
    dask, bag, client_class, cluster_class = _dask_modules()
    settings = {
        "distributed.comm.timeouts.connect": connect_timeout,
        "distributed.comm.timeouts.tcp": "60s",
        "distributed.scheduler.work-stealing": True,
        "logging.distributed": "error",
    }
    with dask.config.set(settings):
        logging.getLogger("distributed").setLevel(logging.ERROR)
        cluster = None
        try:
            if scheduler:
                _probe(scheduler, connect_timeout)
                client = client_class(scheduler, timeout=connect_timeout, set_as_default=False)
            else:
                cluster = cluster_class(
                    n_workers=workers, threads_per_worker=1, processes=processes, protocol="tcp", host="127.0.0.1",
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
                client = client_class(cluster, set_as_default=False)
            with client:
                nworkers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
                parts = nworkers * PARTITIONS_PER_WORKER
                # One future per partition, fetched in order straight from the
                # worker that made it (no gathering onto one worker first);
                # at most two bags' partitions in flight.
                in_flight: deque[Any] = deque()
                for batch in _batched(items, batch_size):
                    mapped = bag.from_sequence(batch, npartitions=min(parts, len(batch))).map(
                        functools.partial(_call, fn))
                    in_flight.extend(client.compute(mapped.to_delayed()))
                    while len(in_flight) > parts:
                        for result in in_flight.popleft().result():
                            yield _unwrap(result)
                while in_flight:
                    for result in in_flight.popleft().result():
                        yield _unwrap(result)
        finally:
            if cluster is not None:
                cluster.close()
