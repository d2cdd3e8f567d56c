"""The labels of clauses: paragraph numbers, list letters, Article / Section / § forms,
and gap markers, as regular expressions.

Contract: patterns only, matched by the segmenter at the start of a paragraph or of a line
(:mod:`clausediff.core.text.blocks`); nothing here decides where a clause starts.
"""

from __future__ import annotations

import re

# A gap marker's note holds no "[[" and is at most 500 characters: so a marker opened and
# never closed costs a short look ahead, not a scan to the end of the text for each one.
GAP_RE = re.compile(r"\[\[\s*GAP\s*:\s*((?:(?!\[\[).){0,500}?)\s*\]\]", re.DOTALL | re.IGNORECASE)


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"


_LABEL_PATTERN = r"""^(?:
    (?:
        \d{1,N}(?:\.\d{1,3})+\.?            # 1.1  1.2.3  1.10.1  1.1.
      | \d{1,N}\.(?!\d)                      # 1.
      | \d{1,3}(?=\s+[A-Z(])(?!\s+(?i:%s)\b)  # 1 The …  (not "20 May")
      | \((?:[a-z]{1,2}|[ivxlcdm]{1,7}|[A-Z]{1,2}|[IVXLCDM]{1,7}|\d{1,3})\)   # (a) (iv) (A) (1)
      | (?:[a-z]|[ivxlcdm]{1,7})\)           # a)  iv)
      | [IVXLC]{1,7}\.                       # IV.
      | [a-z]\.(?=\s+[^\s\d])                # a.  (not "p. 12"; "e.g." has no space)
      | [A-Z]\.(?=\s+[^\s\d])(?!\s+[^\s,]+,)  # B.  (not "E. HAIRER, S.P.", an initial)
      | (?=[ivx]{2})x{0,3}(?:ix|iv|v?i{0,3})\.  # ii.  xiv.  (lower-case roman, not "civil.")
    )(?:\s+(?:bis|ter|quater|quinquies|sexies))?(?=\s)
  | \d{1,2}\.(?=[A-Z][a-z])                  # 4.Limitations (no space after the number)
  | (?P<core>                                # Article 4  Section 1  § 3  (the label)
        (?:Article|ARTICLE|Section|SECTION)[ \t]+(?:\d{1,3}(?:\.\d{1,3})*[A-Za-z]?|[IVXLC]{1,7})
      | §§?[ \t]*\d{1,3}(?:\.\d{1,3})*[a-z]?
    )
    (?:                                      # then the end of the line, a dash, a stop or
        (?P<strong>[ \t]*[–—-][ \t]+|(?=[ \t]*(?:\r|\n|$)))  # colon, or a capital: never
      | [ \t]*[.:](?=\s)                      # "Article 4 of the Agreement"
      | (?=[ \t]+[\"'“‘(\[]?[A-Z])
    )
)""".replace("%s", _MONTHS)


#: A label on a line inside a paragraph. Numbers stay short, so that a year wrapped to the
#: start of a line ("... 31 December\n2013. The ...") never cuts a paragraph.
LABEL_RE = re.compile(_LABEL_PATTERN.replace("{1,N}", "{1,3}"), re.VERBOSE)


#: A label opening a paragraph: long documents number paragraphs beyond 999.
PARA_LABEL_RE = re.compile(_LABEL_PATTERN.replace("{1,N}", "{1,5}"), re.VERBOSE)


#: A label that is one letter and a stop ("a.", "B.") or a lower-case roman number ("ii.")
#: cuts a paragraph only after a line that ends a sentence or an item: at the start of a
#: wrapped line it is more often an initial ("Lawrence\nE. Rosen") or a word. So does
#: "Article 4" unless a dash or the end of the line follows it (a wrapped line may start
#: "Article 4. The ..." after "in accordance with").
WEAK_LABEL_RE = re.compile(r"[A-Za-z]\.|[ivx]{2,7}\.")


NUMBER_DOT_RE = re.compile(r"\d{1,5}\.")
