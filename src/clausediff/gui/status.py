"""The status bar: counts of each kind of change, and the progress of background work.

:class:`StatusArea` emits ``cancelRequested()`` when its Cancel button is pressed; the
window tells it what is going on (:meth:`StatusArea.set_busy`, :meth:`StatusArea.set_counts`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar


class StatusArea(QObject):
    cancelRequested = Signal()

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        bar.setObjectName("statusBar")
        self.counts = QLabel()
        self.counts.setObjectName("kindCounts")
        bar.addPermanentWidget(self.counts, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("comparisonProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        bar.addPermanentWidget(self.progress)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.cancel_button.hide()
        bar.addPermanentWidget(self.cancel_button)

    def show(self, message: str, msecs: int = 0) -> None:
        self.bar.showMessage(message, msecs)

    def set_busy(self, busy: bool, message: str = "", *, cancellable: bool = True) -> None:
        """Work started (``busy``) or ended, with a word about it."""
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy and cancellable)
        if message:
            self.bar.showMessage(message, 0 if busy else 4000)

    def set_counts(self, text: str) -> None:
        self.counts.setText(text)
