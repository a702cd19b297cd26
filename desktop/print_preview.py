"""The print preview window: the PDF's pages rendered by PDFium, zoom, page navigation, the
official-layout option, 打印… and 另存为 PDF….

The pages shown are the very PDF that 打印… sends to the printer and 另存为 PDF… writes, built
once per choice of content and layout. Anything that fails (building the PDF, rendering a page,
the printer) is said in the window's message line, in Chinese; the window stays usable.
"""

from __future__ import annotations

from core import palette
from core.errors import UserError
from desktop import lastdir, printing
from desktop.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPixmap,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSpinBox,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)

SCREEN_DPI = 96
ZOOMS = (50, 75, 100, 125, 150, 200)
FIT_WIDTH = 0  # the zoom box's first entry: pages as wide as the window
PAGE_GAP = 12
CONTENTS = (("all", "全表"), ("declaration", "真实性声明"), ("recommendation", "推荐意见"))


class PrintPreviewDialog(QDialog):
    def __init__(self, app, *, page: str = "all", ruleset: str | None = None, official: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.ruleset = app, ruleset
        self.data: bytes | None = None
        self.doc = None  # core.pdf.raster.PdfPages of ``data``
        self.page_images: list = []  # the QImages on screen, one per page
        self._labels: list[QLabel] = []
        self._following = False
        self.setWindowTitle(f"打印预览 — {app.display_name}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(980, 700)
        layout = QVBoxLayout(self)
        layout.addLayout(self._content_row(page, official))
        layout.addLayout(self._navigation_row())
        self.message = QLabel(self)
        self.message.setObjectName("previewMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; }")
        self.sheet = QWidget()
        self.sheet.setStyleSheet("background: #808080;")
        self.sheet_layout = QVBoxLayout(self.sheet)
        self.sheet_layout.setSpacing(PAGE_GAP)
        self.sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidget(self.sheet)
        self.scroll.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        self._refit = QTimer(self, singleShot=True, interval=150)
        self._refit.timeout.connect(self.render_pages)
        layout.addWidget(self.scroll, 1)
        for keys, slot in ((QKeySequence.StandardKey.Print, self.print_pages),
                           (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
                           (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
                           (QKeySequence(Qt.Key.Key_PageDown), lambda: self.go_to(self.current_page() + 1)),
                           (QKeySequence(Qt.Key.Key_PageUp), lambda: self.go_to(self.current_page() - 1))):
            QShortcut(keys, self, activated=slot)
        self.rebuild()

    # --- the two rows of controls ----------------------------------------------------------------
    def _content_row(self, page: str, official: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("打印内容：", self))
        self.content = QComboBox(self)
        for key, label in CONTENTS:
            self.content.addItem(label, key)
        self.content.setCurrentIndex(max(0, self.content.findData(page)))
        self.content.currentIndexChanged.connect(self.rebuild)
        row.addWidget(self.content)
        self.official = QCheckBox("仅官方表式（不含【补充】栏目和自评结果附录）", self)
        self.official.setObjectName("officialLayout")
        self.official.setChecked(official)
        self.official.setVisible(any(f.supplementary for f in self.app.form_def.fields.values()))
        self.official.toggled.connect(self.rebuild)
        row.addWidget(self.official)
        row.addStretch(1)
        self.save_button = QPushButton("另存为 PDF…", self)
        self.save_button.clicked.connect(self.save_pdf)
        row.addWidget(self.save_button)
        self.print_button = QPushButton("打印…", self)
        self.print_button.setToolTip("打印（Ctrl+P）")
        self.print_button.clicked.connect(self.print_pages)
        row.addWidget(self.print_button)
        close = QPushButton("关闭", self)
        close.clicked.connect(self.close)
        row.addWidget(close)
        return row

    def _navigation_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.prev_button = QPushButton("上一页", self)
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        row.addWidget(self.prev_button)
        row.addWidget(QLabel("第", self))
        self.page_box = QSpinBox(self)
        self.page_box.setRange(1, 1)
        self.page_box.valueChanged.connect(lambda n: self.go_to(n) if not self._following else None)
        row.addWidget(self.page_box)
        self.total_label = QLabel("页　共 0 页", self)
        row.addWidget(self.total_label)
        self.next_button = QPushButton("下一页", self)
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        row.addWidget(self.next_button)
        row.addSpacing(24)
        row.addWidget(QLabel("缩放：", self))
        out = QPushButton("−", self)
        out.setFixedWidth(32)
        out.clicked.connect(lambda: self.step_zoom(-1))
        row.addWidget(out)
        self.zoom_box = QComboBox(self)
        self.zoom_box.addItem("适合宽度", FIT_WIDTH)
        for z in ZOOMS:
            self.zoom_box.addItem(f"{z}%", z)
        self.zoom_box.setCurrentIndex(self.zoom_box.findData(100))
        self.zoom_box.currentIndexChanged.connect(lambda _i: self.render_pages())
        row.addWidget(self.zoom_box)
        zoom_in = QPushButton("+", self)
        zoom_in.setFixedWidth(32)
        zoom_in.clicked.connect(lambda: self.step_zoom(1))
        row.addWidget(zoom_in)
        row.addStretch(1)
        return row

    # --- building and rendering ------------------------------------------------------------------
    def page_kind(self) -> str:
        return self.content.currentData()

    def title(self) -> str:
        return printing.PAGE_TITLES.get(self.page_kind(), "申报表")

    def show_message(self, text: str, color: str = palette.BAD) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color};")
        self.message.setVisible(bool(text))

    def rebuild(self) -> None:
        """Build the PDF for the chosen content and layout, then show its pages."""
        from core.pdf.raster import open_pdf

        self._close_doc()
        self.data = None
        self.show_message("")
        try:
            data, warnings = printing.build(self.app, self.page_kind(), self.ruleset, self.official.isChecked())
            self.doc = open_pdf(data)
        except UserError as exc:
            self._clear_pages()
            self.show_message(f"无法生成预览：{exc.message}")
            self._update_controls()
            return
        self.data = data
        if warnings:
            self.show_message("个别字符无法打印（印为〓）：" + "；".join(warnings), palette.CAUTION)
        self.render_pages()

    def zoom(self) -> float:
        """Pixels per point × 72 / SCREEN_DPI, as a percentage (100 = the page's real size)."""
        z = self.zoom_box.currentData()
        if z != FIT_WIDTH or self.doc is None:
            return float(z or 100)
        width_pt = self.doc.size_points(0)[0]
        room = self.scroll.viewport().width() - 2 * PAGE_GAP
        return max(25.0, room / (width_pt / 72 * SCREEN_DPI) * 100)

    def render_pages(self) -> None:
        if self.doc is None:
            return
        keep = self.current_page()
        self._clear_pages()
        ratio = self.devicePixelRatioF()
        dpi = SCREEN_DPI * self.zoom() / 100
        try:
            for n in range(self.doc.page_count):
                image = printing.page_image(self.doc.render(n, dpi * ratio))
                image.setDevicePixelRatio(ratio)
                label = QLabel(self.sheet)
                label.setPixmap(QPixmap.fromImage(image))
                label.setStyleSheet("background: white;")
                label.setToolTip(f"第 {n + 1} 页")
                self.sheet_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
                self._labels.append(label)
                self.page_images.append(image)
        except UserError as exc:
            self.show_message(f"无法显示第 {len(self._labels) + 1} 页：{exc.message}")
        self._update_controls()
        self.sheet.adjustSize()
        self.go_to(min(keep, len(self._labels)) or 1)

    def _clear_pages(self) -> None:
        for label in self._labels:
            self.sheet_layout.removeWidget(label)
            label.deleteLater()
        self._labels, self.page_images = [], []

    def _update_controls(self) -> None:
        n = len(self._labels)
        self._following = True
        self.page_box.setRange(1, max(1, n))
        self._following = False
        self.total_label.setText(f"页　共 {n} 页")
        for w in (self.page_box, self.prev_button, self.next_button):
            w.setEnabled(n > 1)
        for w in (self.print_button, self.save_button):
            w.setEnabled(self.data is not None)

    # --- navigation and zoom ---------------------------------------------------------------------
    def page_count(self) -> int:
        return len(self._labels)

    def current_page(self) -> int:
        return self.page_box.value()

    def go_to(self, n: int) -> None:
        if not self._labels:
            return
        n = max(1, min(n, len(self._labels)))
        self._following = True
        self.page_box.setValue(n)
        self._following = False
        self.sheet.layout().activate()
        top = 0 if n == 1 else self._labels[n - 1].y() - PAGE_GAP // 2
        self.scroll.verticalScrollBar().setValue(top)

    def _follow_scroll(self, value: int) -> None:
        """The page box names the page at the top of the view as the official scrolls."""
        if self._following or not self._labels:
            return
        middle = value + self.scroll.viewport().height() // 3
        n = sum(1 for label in self._labels if label.y() <= middle) or 1
        self._following = True
        self.page_box.setValue(n)
        self._following = False

    def step_zoom(self, step: int) -> None:
        current = self.zoom()
        if step > 0:
            bigger = [z for z in ZOOMS if z > current + 0.5]
            target = bigger[0] if bigger else ZOOMS[-1]
        else:
            smaller = [z for z in ZOOMS if z < current - 0.5]
            target = smaller[-1] if smaller else ZOOMS[0]
        self.zoom_box.setCurrentIndex(self.zoom_box.findData(target))

    # --- print and save --------------------------------------------------------------------------
    def print_pages(self) -> bool:
        if self.data is None:
            return False
        if not printing.has_printer():
            self.show_message(printing.NO_PRINTER, palette.CAUTION)
        printer = printing.new_printer(f"{self.app.display_name} {self.title()}")
        dialog = printing.QPrintDialog(printer, self)
        dialog.setWindowTitle(f"打印{self.title()}")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            pages = printing.print_to(printer, self.data)
        except UserError as exc:
            self.show_message(f"打印失败：{exc.message}")
            return False
        self.show_message(f"已送往打印机：{pages} 页", palette.GOOD)
        return True

    def save_pdf(self) -> str | None:
        if self.data is None:
            return None
        from core.pdf import write_pdf_bytes
        from desktop.saved import confirm_saved

        suffix = "（官方表式）" if self.official.isChecked() else ""
        name = f"{printing.safe_name(self.app.display_name)}-{self.title()}{suffix}.pdf"
        path = lastdir.save_file(self, "另存为 PDF", name, "PDF 文件 (*.pdf)")
        if not path:
            return None
        try:
            out = write_pdf_bytes(self.data, path)
        except UserError as exc:
            self.show_message(exc.message)
            return None
        confirm_saved(self, "另存为 PDF", f"已保存{self.title()} PDF", out)
        return str(out)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.zoom_box.currentData() == FIT_WIDTH and self.doc is not None:
            self._refit.start()  # once the window stops changing size, not on every step

    def _close_doc(self) -> None:
        if self.doc is not None:
            self.doc.close()
            self.doc = None

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._close_doc()
        super().closeEvent(event)


def preview_pdf(parent, app, page: str = "all", ruleset: str | None = None, official: bool = False):
    """Open the preview window (not modal) and return it."""
    dialog = PrintPreviewDialog(app, page=page, ruleset=ruleset, official=official, parent=parent)
    dialog.show()
    return dialog


def preview(window, page: str = "all"):
    """Menu entry point (Ctrl+Shift+P): the preview window of the application open in ``window``."""
    app = printing.current_app(window)
    return preview_pdf(window, app, page or "all", getattr(window.session, "ruleset_id", None)) if app else None
