"""The settings schema of :mod:`clausediff.session.settings`, kept in ``QSettings``.

Every read goes through the schema's coercion: a settings file edited by hand or written
by another version cannot hand the window a value of the wrong type.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QByteArray, QSettings

from clausediff.session.settings import Setting, read

T = TypeVar("T")


class Settings:
    """Typed access to one ``QSettings`` store."""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def get(self, setting: Setting[T]) -> T:
        raw = self.store.value(setting.key)
        if isinstance(raw, QByteArray):
            raw = raw.data()
        return read(setting, raw)

    def set(self, setting: Setting[T], value: T) -> None:
        stored: object = list(value) if isinstance(value, tuple) else value
        if isinstance(value, bytes):
            stored = QByteArray(value)
        self.store.setValue(setting.key, stored)
