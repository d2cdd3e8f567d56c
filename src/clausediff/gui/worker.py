"""Background comparison: an immutable request in, a lineage out, stale results dropped.

:class:`Comparer` runs :func:`clausediff.core.lineage.build_lineage` on a thread pool and
delivers the result on the UI thread through a queued signal. Every request is stamped with
a monotonic token; a result whose token is not the newest is dropped. Cancel sets a flag
that the engine polls through ``AlignConfig.cancel``. Tests may run it synchronously.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from clausediff.core.config import DEFAULT_CONFIG, AlignCancelled, AlignConfig
from clausediff.core.errors import ClauseDiffError
from clausediff.core.lineage import Lineage, build_lineage
from clausediff.core.model import Document


@dataclass(frozen=True)
class CompareRequest:
    token: int
    versions: tuple[Document, ...]
    config: AlignConfig = DEFAULT_CONFIG


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
        try:
            config = replace(req.config, cancel=self.stop.is_set)
            lineage = build_lineage(req.versions, config)
        except AlignCancelled:
            self.relay.cancelled.emit(req.token)
        except ClauseDiffError as exc:
            self.relay.failed.emit(req.token, str(exc))
        except Exception as exc:  # a bug: report it, never kill the window
            self.relay.failed.emit(req.token, f"The comparison failed: {exc!r}")
        else:
            self.relay.done.emit(req.token, lineage, time.perf_counter() - started)


class Comparer(QObject):
    """Runs comparisons off the UI thread.

    Signals:
        started(token): a request was submitted.
        finished(lineage, seconds): the newest request's result.
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
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.cancelled.connect(self._on_cancelled)
        self.busy = False

    @property
    def token(self) -> int:
        return self._token

    def submit(self, versions: tuple[Document, ...], config: AlignConfig = DEFAULT_CONFIG) -> int:
        self._stop.set()  # the previous job, if any, is now stale
        self._stop = threading.Event()
        self._token += 1
        request = CompareRequest(self._token, versions, config)
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

    def _on_done(self, token: int, lineage: Lineage, seconds: float) -> None:
        if token != self._token:
            return  # a newer request superseded this one
        self.busy = False
        self.finished.emit(lineage, seconds)

    def _on_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self.busy = False
            self.failed.emit(message)

    def _on_cancelled(self, token: int) -> None:
        if token == self._token:
            self.busy = False
            self.cancelled.emit()
