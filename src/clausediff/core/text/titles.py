"""Whether a line is set as a title: short, on one line, one sentence, capitalised.

Contract: :func:`is_title` decides on the text alone ("Definitions.", "Scope of
Application", "TERMINATION." are titles; "The Members shall comply." is not).
"""

from __future__ import annotations

from clausediff.core.text.sentences import split_sentences

SMALL_WORD_LEN = 3  # "of", "and", "the": lower case in a title


def is_title(text: str) -> bool:
    """A short title on one line, capitalised: "Definitions.", "Scope of Application",
    "TERMINATION." (a sentence such as "The Members shall comply." is not one)."""
    t = text.strip()
    if not t or "\n" in t or "\r" in t or len(split_sentences(t)) > 1:
        return False
    words = t.split()
    if len(words) > 8 or not t[0].isupper() or t[-1] in ",;:":
        return False
    return t.upper() == t or all(
        w[0].isupper() or not w.isalpha() or len(w) <= SMALL_WORD_LEN
        for w in (w.strip("\"'“”‘’().,") for w in words)
        if w
    )
