"""`clausediff align` as a process: the same output whatever the interpreter's hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_alignment_is_the_same_whatever_the_hash_seed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Nothing in the engine may depend on the order of a set of strings."""
    outputs = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"seed{seed}.json"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "clausediff",
                "align",
                "WT/MIN(98)/DEC/2",
                "WT/L/843",
                "WT/L/907",
                "--json",
                str(out),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append(json.loads(out.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0]["sentence_links"]
