"""Guards against a Qt binding that breaks the app in ways no widget test would see."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 40

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 5

    def data(self, index, role=0):
        return "cell" if role == Qt.ItemDataRole.DisplayRole else None


def test_returning_none_from_a_model_keeps_none_alive(qtbot):
    # PySide6 6.12.0 dropped a reference to None on every data() call returning it;
    # on Python 3.11 the process aborts ("deallocating None") once the count runs out.
    view = QTableView()
    qtbot.addWidget(view)
    model = _Model()
    view.setModel(model)
    view.resize(600, 800)
    view.show()
    before = sys.getrefcount(None)
    for _ in range(2):  # few enough that a leaking binding fails here instead of aborting
        view.viewport().repaint()  # thousands of data() calls answering None
    assert sys.getrefcount(None) >= before - 100
