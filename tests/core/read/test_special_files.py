"""Only regular files are read: devices, named pipes, sockets and folders are refused at
once (never read without bound, never waited on), a link is followed only to a regular
file, and no more than the size limit is ever read, whatever size a file reports."""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from clausediff.core.errors import UnreadableFileError
from clausediff.core.read.files import load_file, read_regular_file
from clausediff.core.read.textio import ReadLimits

unix_only = pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs, devices or sockets")


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail the test (instead of hanging the suite) if the block takes longer."""

    def expired(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _refused(path: Path) -> str:
    started = time.monotonic()
    with deadline(10), pytest.raises(UnreadableFileError) as caught:
        load_file(path)
    assert time.monotonic() - started < 5
    return str(caught.value)


@unix_only
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    assert _refused(fifo) == (
        "draft.txt is a named pipe (FIFO), not a file; ClauseDiff reads only regular files."
    )


@unix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_a_device_is_refused_naming_the_target(tmp_path: Path, device: str) -> None:
    link = tmp_path / "draft.txt"
    link.symlink_to(device)
    assert _refused(link) == (
        f"draft.txt is a link to {device}, which is a device, not a file; ClauseDiff reads "
        "only regular files."
    )


@unix_only
def test_a_link_to_a_named_pipe_is_refused_naming_the_target(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "draft.md"
    link.symlink_to(fifo)
    message = _refused(link)
    assert message.startswith(f"draft.md is a link to {fifo}, which is a named pipe (FIFO)")


@unix_only
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        assert _refused(path) == (
            "s.txt is a socket, not a file; ClauseDiff reads only regular files."
        )
    finally:
        server.close()


def test_a_folder_and_a_link_to_a_folder_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "drafts.txt"
    folder.mkdir()
    assert _refused(folder) == "drafts.txt is a folder, not a file."
    link = tmp_path / "link.txt"
    link.symlink_to(folder)
    assert _refused(link) == f"link.txt is a link to {folder}, which is a folder, not a file."


def test_a_dangling_link_names_its_missing_target(tmp_path: Path) -> None:
    link = tmp_path / "draft.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert _refused(link) == (
        f"draft.txt is a link to {tmp_path / 'gone.txt'}, which is missing: there is no such file."
    )


def test_a_link_to_a_regular_file_is_read_with_a_note_naming_that_file(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere" / "real.txt"
    real.parent.mkdir()
    real.write_text("Decides:\n\n1. Members shall notify.\n")
    link = tmp_path / "draft.txt"
    link.symlink_to(real)
    doc = load_file(link)
    assert [c.text for c in doc.clauses] == ["Decides:", "Members shall notify."]
    assert doc.info.notes == f"draft.txt is a link to {real}; that file was read."
    assert load_file(real).info.notes == ""  # (a plain file gets no note)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_no_more_than_the_limit_is_read_whatever_size_the_file_reports() -> None:
    status = Path("/proc/self/status")  # a regular file that reports a size of 0
    assert status.stat().st_size == 0 and len(status.read_bytes()) > 100
    with pytest.raises(UnreadableFileError) as caught:
        read_regular_file(status, 100)
    assert str(caught.value) == (
        "status is more than 100 bytes; ClauseDiff reads files of at most 100 bytes of this kind."
    )
    data, note = read_regular_file(status, 1_000_000)
    assert data.startswith(b"Name:") and note == ""


def test_a_file_above_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Members shall notify.\n" * 100)
    with pytest.raises(UnreadableFileError) as caught:
        load_file(path, limits=ReadLimits(max_bytes=1000))
    assert str(caught.value) == (
        "big.txt is 2,200 bytes; ClauseDiff reads files of at most 1,000 bytes of this kind."
    )
