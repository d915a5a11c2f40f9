"""The Dask side: connect to a scheduler (or start a LocalCluster), and run a list of
chunks of pages as tasks with a bounded number in flight.

Tasks are plain module functions of ``(chunk, options)`` returning a list of rows, one per
page; they must be idempotent (a task whose worker died is run again elsewhere, by Dask).
Only a few times the workers' threads are in flight at once, so a million pages are never a
million tasks on the scheduler. A chunk that cannot finish (its worker died on it
``distributed.scheduler.allowed-failures`` times, or it raised) is split into single pages,
so one page that kills its worker fails alone.
"""
from __future__ import annotations

import itertools
import time
import uuid
from collections import deque
from typing import Callable

from ..errors import MessageError
from ..i18n import _

#: Pages per task at most; fewer when there are few pages for the workers.
CHUNK = 16
#: How often the number of workers (and so the tasks in flight) is asked again, seconds.
WINDOW_SECONDS = 5.0


class ClusterError(MessageError):
    """The cluster cannot be reached or was lost; the message is for people."""


def lost_reason(exc: Exception) -> str:
    """Why a page's task could not finish, for its row."""
    error = f"{type(exc).__name__}: {exc}"
    return str(_("worker failed: {error}", error=error))


def parse_spec(spec: str) -> int | str:
    """``local`` / ``local:N`` → N worker processes here (0: one per core); else the
    scheduler's address. ValueError for ``local:`` with no whole number ≥ 1."""
    if spec == "local":
        return 0
    if spec.startswith("local:"):
        n = int(spec.split(":", 1)[1])
        if n < 1:
            raise ValueError(spec)
        return n
    return spec


def spec_of(text: str) -> int | str:
    """What ``--dask`` names (see :func:`parse_spec`); ClusterError when Dask is not
    installed (saying what to install) or the text names nothing."""
    from . import missing

    why = missing()
    if why:
        raise ClusterError(why)
    try:
        return parse_spec(text)
    except ValueError:
        raise ClusterError(_("--dask needs a scheduler address or {local} (N worker processes, 1 or more)",
                             local="local:N")) from None


def start(spec: int | str, quiet: bool = False):
    """:func:`connect`, and the dashboard's link on stderr when the scheduler serves one."""
    import sys

    client, cluster = connect(spec)
    link = dashboard(client)
    if link and not quiet:
        print(_("Dask dashboard: {link}", link=link), file=sys.stderr)
    return client, cluster


def connect(spec: int | str):
    """``(client, cluster)``: a client of the scheduler at ``spec``, or of a new
    LocalCluster of ``spec`` worker processes (cluster is then not None: close it after)."""
    import os

    import dask
    from distributed import Client, LocalCluster

    try:
        if isinstance(spec, int):  # the workers' sampling profiler off: ~1/3 of an idle worker's CPU
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = LocalCluster(n_workers=spec or os.cpu_count() or 1, threads_per_worker=1,
                                       processes=True, dashboard_address=":0")
            return Client(cluster), cluster
        return Client(spec), None
    except Exception as exc:  # refused, timed out, not a scheduler, no room for workers
        raise ClusterError(_("cannot reach the Dask scheduler at {address}: {reason}", address=str(spec),
                             reason=str(exc) or type(exc).__name__)) from None


def dashboard(client) -> str | None:
    """The scheduler's dashboard link, when it serves one."""
    try:
        return client.dashboard_link if "dashboard" in client.scheduler_info().get("services", {}) else None
    except Exception:
        return None


def close(client, cluster) -> None:
    for thing in (client, cluster):
        if thing is not None:
            try:
                thing.close()
            except Exception:  # a lost scheduler: nothing left to close
                pass


def _threads(client) -> int:
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:
        return 1


def chunked(items: list, client) -> list[list]:
    """The items in chunks of at most :data:`CHUNK`, at least ~8 chunks per worker thread."""
    size = max(1, min(CHUNK, len(items) // (8 * _threads(client))))
    return [items[k:k + size] for k in range(0, len(items), size)]


def run_chunks(client, task: Callable, chunks: list[list], options, on_rows: Callable[[list], None],
               on_lost: Callable[[object, Exception], dict]) -> None:
    """Run ``task(chunk, options)`` for every chunk; ``on_rows(rows)`` in the order they
    finish. A single page that cannot finish gets ``on_lost(item, exception)`` as its row.
    ClusterError when the scheduler is lost."""
    from distributed import as_completed

    pending = deque(chunks)
    running = as_completed(loop=client.loop)
    owner: dict[str, list] = {}
    prefix, counter = f"jiaodui-{uuid.uuid4().hex[:8]}", itertools.count()
    window, asked = 4 * _threads(client), time.monotonic()

    def fill():
        while pending and running.count() < window:
            chunk = pending.popleft()
            future = client.submit(task, chunk, options, key=f"{prefix}-{next(counter)}", pure=False)
            owner[future.key] = chunk
            running.add(future)

    fill()
    for future in running:
        chunk = owner.pop(future.key)
        try:
            rows = future.result()
        except Exception as exc:  # the worker died on it too often, or the task raised
            if client.status not in ("running", "connecting"):
                raise ClusterError(_("the connection to the Dask scheduler was lost: {reason}",
                                     reason=str(exc) or type(exc).__name__)) from None
            if len(chunk) > 1:
                pending.extendleft([item] for item in reversed(chunk))
                rows = None
            else:
                rows = [on_lost(chunk[0], exc)]
        future.release()
        if rows is not None:
            on_rows(rows)
        if time.monotonic() - asked > WINDOW_SECONDS:
            window, asked = 4 * _threads(client), time.monotonic()
        fill()
