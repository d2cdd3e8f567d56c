"""Desktop benchmark: start-up, opening two large documents, scrolling. Run on demand.

    python benchmarks/bench_gui.py [--clauses N] [--command-line-clauses N]

1. Start-up: from launching a Python process to the first paint of the compare view with
   the bundled 2011 → 2013 comparison in it (target ≤ 1.0 s). Runs ``start_window``, the
   function the ``clausediff`` command runs, in a fresh process, five times.
2. Opening two generated N-clause documents (default 5,000) through File › Open: time to
   the first paint with the comparison, and the longest the UI thread was blocked while it
   happened, measured by a 5 ms timer that records how late it fires (target ≤ 100 ms).
3. Scrolling the whole comparison a page at a time, painting each page synchronously: the
   median and worst frame time.
4. Two N-clause files given on the command line (``clausediff A B``, default N 20,000): the
   comparison and then the lineage run on the worker; the time from the comparison's arrival
   on the UI thread to the first paint of its rows (the lineage computing meanwhile), and the
   longest UI block in that interval.

The window is offscreen (``QT_QPA_PLATFORM=offscreen``), so painting is done by Qt's raster
engine, as it is on a laptop, without a compositor.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

STARTUP_CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from clausediff.gui.app import start_window
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
app, window = start_window([], settings)
window.resize(1400, 900)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and window.compare_alignment is not None:
            print(time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False

probe = FirstPaint()
window.compare_page.view.viewport().installEventFilter(probe)
window.show()
QTimer.singleShot(30000, lambda: app.exit(3))
sys.exit(app.exec())
"""


def bench_startup(runs: int = 5) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            t0 = time.time()
            out = subprocess.run(
                [sys.executable, "-c", STARTUP_CHILD, str(Path(tmp) / "settings.ini")],
                capture_output=True,
                text=True,
                check=True,
                env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
            )
            times.append(float(out.stdout.strip().splitlines()[-1]) - t0)
    return times


def bench_large(n: int) -> None:
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPoint, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from clausediff.gui.main_window import MainWindow
    from generate import generate

    left_text, right_text = generate(n, seed=n).numbered()  # (the honest generator)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "draft-1.txt", Path(tmp) / "draft-2.txt"
        a.write_text(left_text, encoding="utf-8")
        b.write_text(right_text, encoding="utf-8")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.messages.suppress = True
        window.resize(1400, 900)
        window.show()
        app.processEvents()

        # event-loop latency: a 5 ms timer, and how late each tick comes
        clock = QElapsedTimer()
        worst = [0.0]
        last = [0.0]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            worst[0] = max(worst[0], now - last[0] - 5.0)
            last[0] = now

        painted = [0.0]

        class FirstPaint(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if (
                    event.type() == QEvent.Type.Paint
                    and window.compare_alignment is not None
                    and len(window.compare_alignment.left.clauses) >= n
                    and not painted[0]
                    and window.compare_page.view.indexAt(QPoint(1, 1)).isValid()
                ):
                    painted[0] = clock.nsecsElapsed() / 1e9
                    QTimer.singleShot(300, app.quit)  # keep measuring a little after
                return False

        probe = FirstPaint()
        window.compare_page.view.viewport().installEventFilter(probe)
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)

        def open_both() -> None:
            window.documents.open_path(a)
            window.documents.open_path(b)

        clock.start()
        timer.start()
        QTimer.singleShot(0, open_both)
        QTimer.singleShot(60000, lambda: app.exit(3))
        app.exec()
        timer.stop()
        print(f"\nOpening two {n}-clause documents (File › Open ×2, comparison in background)")
        print(f"  to first paint with the comparison: {painted[0]:6.2f} s")
        print(f"  longest UI-thread block            : {worst[0]:6.0f} ms")

        # scrolling the whole comparison, a page at a time; first let the batched layout
        # of the rows finish, as it does while the user reads the first page
        view = window.compare_page.view
        bar = view.verticalScrollBar()
        t0 = time.perf_counter()
        stable = 0
        while stable < 5:
            before = bar.maximum()
            for _ in range(50):
                app.processEvents()
            time.sleep(0.01)
            stable = stable + 1 if bar.maximum() == before else 0
        print(f"  rows laid out in the background in  : {time.perf_counter() - t0:6.2f} s")
        frames = []
        bar.setValue(0)
        while True:
            t0 = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            view.viewport().grab()  # renders the page now, as a paint would
            frames.append((time.perf_counter() - t0) * 1000)
            if bar.value() >= bar.maximum():
                break
        rows = window.compare_page.model.rowCount()
        print(f"\nScrolling all {rows} rows, {len(frames)} pages:")
        print(f"  median frame {statistics.median(frames):6.1f} ms, worst {max(frames):6.1f} ms")

        # the lineage of both: the table fits only the rows in sight
        window.tabs.setCurrentIndex(1)
        clock.restart()
        last[0] = 0.0
        worst[0] = 0.0
        done = [0.0]
        window.lineage_comparer.finished.connect(
            lambda *_: (
                done.__setitem__(0, clock.nsecsElapsed() / 1e9),
                QTimer.singleShot(300, app.quit),
            )
        )
        timer.start()
        window.run_lineage()
        app.exec()
        timer.stop()
        print(f"\nLineage of the two ({window.lineage_page.model.rowCount()} families)")
        print(f"  to the table                       : {done[0]:6.2f} s")
        print(f"  longest UI-thread block            : {worst[0]:6.0f} ms")
        window.close()


def bench_command_line(n: int) -> None:
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPoint, QSettings, QTimer

    from clausediff.gui.app import start_window
    from generate import generate

    left_text, right_text = generate(n, seed=n).numbered()
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "draft-1.txt", Path(tmp) / "draft-2.txt"
        a.write_text(left_text, encoding="utf-8")
        b.write_text(right_text, encoding="utf-8")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        t0 = time.perf_counter()
        app, window = start_window([str(a), str(b)], settings)
        started = time.perf_counter() - t0
        window.messages.suppress = True
        window.resize(1400, 900)
        clock = QElapsedTimer()
        marks: dict[str, float] = {}
        worst, last = [0.0], [0.0]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            if "arrived" in marks and "painted" not in marks:
                worst[0] = max(worst[0], now - last[0] - 5.0)
            last[0] = now

        def arrived(*_: object) -> None:
            marks.setdefault("arrived", clock.nsecsElapsed() / 1e9)
            last[0] = clock.nsecsElapsed() / 1e6

        class FirstRows(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if (
                    event.type() == QEvent.Type.Paint
                    and "arrived" in marks
                    and "painted" not in marks
                    # a row is laid out where the paint draws: not a blank view
                    and window.compare_page.view.indexAt(QPoint(1, 1)).isValid()
                ):
                    marks["painted"] = clock.nsecsElapsed() / 1e9
                    QTimer.singleShot(300, app.quit)
                return False

        window.comparer.finished.connect(arrived)  # (after the window's own handler)
        probe = FirstRows()
        window.compare_page.view.viewport().installEventFilter(probe)
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        clock.start()
        timer.start()
        window.show()
        QTimer.singleShot(120000, lambda: app.exit(3))
        app.exec()
        timer.stop()
        lineage_busy = window.lineage_comparer.busy
        window.comparer.cancel()
        window.lineage_comparer.cancel()
        window.lineage_comparer.wait()
        print(
            f"\nTwo {n}-clause files on the command line (comparison, then lineage, in background)"
        )
        print(f"  reading both (before the window shows): {started:6.2f} s")
        print(f"  comparison ready after the window shows: {marks.get('arrived', -1):6.2f} s")
        gap = (marks.get("painted", -1) - marks.get("arrived", 0)) * 1000
        print(f"  comparison ready → first rows painted  : {gap:6.0f} ms")
        print(f"  longest UI-thread block in between     : {worst[0]:6.0f} ms")
        print(f"  lineage still computing at that paint  : {'yes' if lineage_busy else 'no'}")
        window.close()


def main(argv: list[str]) -> None:
    n = 5000
    if "--clauses" in argv:
        n = int(argv[argv.index("--clauses") + 1])
    times = bench_startup()
    print("Start-up to first painted comparison (bundled 2011 → 2013), 5 runs:")
    print(f"  median {statistics.median(times):.2f} s, worst {max(times):.2f} s")
    bench_large(n)
    big = 20000
    if "--command-line-clauses" in argv:
        big = int(argv[argv.index("--command-line-clauses") + 1])
    # in a process of its own, as the command starts one (no timers left from the above)
    subprocess.run([sys.executable, __file__, "--only-command-line", str(big)], check=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--only-command-line"]:
        bench_command_line(int(sys.argv[2]))
    else:
        main(sys.argv[1:])
