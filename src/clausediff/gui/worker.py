"""Background work: comparisons (stale results dropped) and reading files.

:class:`Comparer` runs :func:`clausediff.session.comparison.compare` on the one worker
thread and delivers the :class:`Comparison` on the UI thread through a queued signal. Every
request is stamped with a monotonic token; a result whose token is not the newest is
dropped. Cancel sets a flag that the engine polls through its ``cancel`` hook. Jobs run
without the cyclic collector and freeze their results (:func:`clausediff.core.collector.
paused`): a full collection would scan every live object while holding the interpreter lock
and stall the UI thread (30-40 ms with two 5,000-clause versions in memory). Tests may run
both synchronously.

Signals are listed on each class.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from clausediff.core import collector
from clausediff.core.compare.config import DEFAULT_CONFIG, AlignCancelled, AlignConfig
from clausediff.core.errors import ClauseDiffError
from clausediff.core.model import Document
from clausediff.core.read.files import load_file
from clausediff.core.store.library import Library, with_library_id
from clausediff.core.store.review import Correction
from clausediff.session.comparison import Comparison, compare

_POOL: QThreadPool | None = None


def background_pool() -> QThreadPool:
    """The one worker thread all background work shares.

    Each Python thread that computes competes with the UI thread for the interpreter lock;
    with one worker, the UI thread gets it back within a switch interval. Jobs run in the
    order submitted; a superseded comparison is cancelled, so it ends at its next check.
    """
    global _POOL
    if _POOL is None:
        # hand the interpreter lock back to the UI thread sooner (default: every 5 ms)
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.002))
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
        _POOL.setExpiryTimeout(-1)
    return _POOL


@dataclass(frozen=True)
class CompareRequest:
    token: int
    versions: tuple[Document, ...]
    config: AlignConfig = DEFAULT_CONFIG
    #: a review's corrections of the pairing, applied to the pairs they name
    corrections: tuple[Correction, ...] = ()
    #: lay out the flow picture as well (the lineage's job)
    flow: bool = False
    #: attribute a series' changes to the drafts that made them (the lineage's job)
    series: bool = False
    #: annotate the first pair (flags, travelled sentences: the comparison's job)
    annotate: bool = True


class _Relay(QObject):
    done = Signal(int, object, float)
    failed = Signal(int, str)
    cancelled = Signal(int)


class _Job(QRunnable):
    def __init__(self, request: CompareRequest, relay: _Relay, stop: threading.Event) -> None:
        super().__init__()
        self.request, self.relay, self.stop = request, relay, stop

    def run(self) -> None:
        req = self.request
        started = time.perf_counter()
        if self.stop.is_set():  # superseded while it waited for the worker
            self.relay.cancelled.emit(req.token)
            return
        try:
            comparison = compare(
                req.versions,
                req.config,
                cancel=self.stop.is_set,
                freeze=True,
                corrections=req.corrections,
                flow=req.flow,
                series=req.series,
                annotate=req.annotate,
            )
        except AlignCancelled:
            self.relay.cancelled.emit(req.token)
        except ClauseDiffError as exc:
            self.relay.failed.emit(req.token, str(exc))
        except Exception as exc:  # a bug: report it, never kill the window
            self.relay.failed.emit(req.token, f"The comparison failed: {exc!r}")
        else:
            self.relay.done.emit(req.token, comparison, time.perf_counter() - started)


class Comparer(QObject):
    """Runs comparisons off the UI thread.

    Signals:
        started(token): a request was submitted.
        finished(comparison, seconds): the newest request's result.
        failed(message): the newest request failed.
        cancelled(): the newest request was cancelled.
    """

    started = Signal(int)
    finished = Signal(object, float)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._token = 0
        self._stop = threading.Event()
        self._pool = background_pool()
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.cancelled.connect(self._on_cancelled)
        self.busy = False

    @property
    def token(self) -> int:
        return self._token

    def submit(
        self,
        versions: tuple[Document, ...],
        config: AlignConfig = DEFAULT_CONFIG,
        corrections: tuple[Correction, ...] = (),
        *,
        flow: bool = False,
        series: bool = False,
        annotate: bool = True,
    ) -> int:
        self._stop.set()  # the previous job, if any, is now stale
        self._stop = threading.Event()
        self._token += 1
        request = CompareRequest(self._token, versions, config, corrections, flow, series, annotate)
        self.busy = True
        self.started.emit(self._token)
        job = _Job(request, self._relay, self._stop)
        if self.synchronous:
            job.run()
        else:
            self._pool.start(job)
        return self._token

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, msecs: int = 30000) -> bool:
        return bool(self._pool.waitForDone(msecs))

    def _on_done(self, token: int, comparison: Comparison, seconds: float) -> None:
        if token != self._token:
            return  # a newer request superseded this one
        self.busy = False
        self.finished.emit(comparison, seconds)

    def _on_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self.busy = False
            self.failed.emit(message)

    def _on_cancelled(self, token: int) -> None:
        if token == self._token:
            self.busy = False
            self.cancelled.emit()


class _LoadRelay(QObject):
    loaded = Signal(object, object)
    failed = Signal(object, str)


class _LoadJob(QRunnable):
    def __init__(self, path: Path, relay: _LoadRelay, store: Library | None) -> None:
        super().__init__()
        self.path, self.relay, self.store = path, relay, store

    def run(self) -> None:
        try:
            with collector.paused(freeze=True):
                doc = load_file(self.path)
                if self.store is not None:
                    entry_id, _replaced = self.store.add(doc)
                    doc = with_library_id(doc, entry_id)
        except ClauseDiffError as exc:
            self.relay.failed.emit(self.path, str(exc))
        except OSError as exc:
            self.relay.failed.emit(self.path, exc.strerror or str(exc))
        except Exception as exc:  # a bug: report it, never kill the window
            self.relay.failed.emit(self.path, f"Reading the file failed: {exc!r}")
        else:
            self.relay.loaded.emit(self.path, doc)


class Loader(QObject):
    """Reads files off the UI thread, one at a time, in the order asked.

    Signals:
        loaded(path, document): a file was read.
        failed(path, message): a file could not be read (the message says why).
        busy_changed(busy): files are (or are no longer) being read.
    """

    loaded = Signal(object, object)
    failed = Signal(object, str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pending = 0
        self._pool = background_pool()
        self._relay = _LoadRelay(self)
        self._relay.loaded.connect(self._on_loaded)
        self._relay.failed.connect(self._on_failed)

    def load(self, path: Path, store: Library | None = None) -> None:
        """Read ``path``; with a ``store``, keep it in that library too."""
        self.pending += 1
        if self.pending == 1:
            self.busy_changed.emit(True)
        job = _LoadJob(path, self._relay, store)
        if self.synchronous:
            job.run()
        else:
            self._pool.start(job)

    def wait(self, msecs: int = 30000) -> bool:
        return bool(self._pool.waitForDone(msecs))

    def _finish_one(self) -> None:
        self.pending -= 1
        if self.pending == 0:
            self.busy_changed.emit(False)

    def _on_loaded(self, path: Path, doc: Document) -> None:
        self._finish_one()
        self.loaded.emit(path, doc)

    def _on_failed(self, path: Path, message: str) -> None:
        self._finish_one()
        self.failed.emit(path, message)
