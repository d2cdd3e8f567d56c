"""Names vulture cannot see being used (``vulture`` reads this file with the code; it is never
run). Each entry says why; keep it short: anything else vulture reports is dead."""

# ruff: noqa: B018
from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# Qt calls these overrides itself (QStyledItemDelegate, QWidget, QAbstractItemModel).
_.paint
_.sizeHint
_.paintEvent
_.mousePressEvent
_.dragEnterEvent
_.dropEvent
_.setData
# html.parser.HTMLParser calls these overrides itself (core/read/html.py).
_.handle_starttag
_.handle_endtag
_.handle_data
_.handle_startendtag
# the import system calls this on a meta path finder (tests/block_qt.py).
_.find_spec
# python-docx applies these properties when they are set (core/render/docx_*.py).
_.highlight_color
_.page_break_before
# gui/actions.py names each action's handler as a string, resolved on the window's parts.
_.open_dialog
_.import_dialog
_.export_dialog
_.edit_selected_details
_.open_review_dialog
_.save_review_as_dialog
_.swap_versions
_.zoom_in
_.zoom_out
_.show_about
_.copy_row
_.use_a4
_.use_letter
# the compare view's own layout (gui/rows_view.py): Qt's item view calls these overrides
_.setSelection
_.visualRegionForSelection
_.scrollContentsBy
_.horizontalOffset
_.isIndexHidden
_.moveCursor
# a reference held only to keep the printer alive as long as its preview (gui/exports.py).
_._printer
# pytest calls hooks and autouse fixtures by name; a test asks for pytest-qt's qapp fixture
# for its side effect (a QApplication exists).
_.pytest_collection_modifyitems
_._private_library
_.qapp

# sqlite3 reads this attribute to decode each TEXT value (core/store/review_file.py).
_.text_factory
_.mouseMoveEvent  # (Qt calls it: the flow view's hover)
# the flag categories are made from the rules file's words, Category("time") (core/compare/flag_rules.py)
_.NEGATION
_.TIME
_.NUMBER
_.REFERENCE
_.ACTOR
# gui/actions.py names the flagged-only toggle's handler as a string
_.set_flagged_only
