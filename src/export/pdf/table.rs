//! A table over pages: the title and header row repeated on each page,
//! rows split between pages only between lines.

use super::{Canvas, Row, Styled, BODY_W, BOTTOM, LEAD, MARGIN, PAD, SIZE, TOP};
use crate::export::lang::Lang;

/// A table over pages: title and header row repeated on each page.
pub(super) struct Table<'a, 'f> {
    pub(super) canvas: &'a mut Canvas<'f>,
    pub(super) lang: Lang,
    pub(super) title: String,
    pub(super) header: Vec<String>,
    pub(super) cols: &'static [f32],
}

impl Table<'_, '_> {
    pub(super) fn page_start(&mut self) {
        self.canvas.new_page();
        self.heading();
    }

    /// Starts the table below what is on the page, if there is room.
    pub(super) fn begin_here(&mut self) {
        if !self.canvas.has_pages() || self.canvas.y - 100.0 < BOTTOM {
            self.page_start();
        } else {
            self.canvas.space(14.0);
            self.heading();
        }
    }

    /// The title and the header row, from the current position.
    fn heading(&mut self) {
        let title = self.title.clone();
        self.canvas.y -= 12.0;
        let y = self.canvas.y;
        self.canvas.text(MARGIN, y, 11.0, &title, true);
        self.canvas.y -= 8.0;
        // Header row, its labels wrapped to the columns.
        let labels: Vec<Vec<String>> = self
            .header
            .iter()
            .zip(self.cols)
            .map(|(l, w)| self.canvas.wrap(l, w - 2.0 * PAD, SIZE))
            .collect();
        let n = labels.iter().map(Vec::len).max().unwrap_or(1);
        let h = n as f32 * LEAD + 2.0 * PAD;
        let top = self.canvas.y;
        self.canvas.fill(MARGIN, top - h, BODY_W, h, 0.8);
        let mut x = MARGIN;
        for (i, w) in self.cols.iter().enumerate() {
            for (k, label) in labels[i].iter().enumerate() {
                let base = top - PAD - SIZE - k as f32 * LEAD + 1.0;
                self.canvas.text(x + PAD, base, SIZE, label, true);
            }
            x += w;
        }
        self.grid(top, h);
        self.canvas.y = top - h;
    }

    /// Cell borders for a band from `top` down `h` points.
    fn grid(&mut self, top: f32, h: f32) {
        let cols = self.cols;
        let c = &mut *self.canvas;
        c.line(MARGIN, top, MARGIN + BODY_W, top, 0.4);
        c.line(MARGIN, top - h, MARGIN + BODY_W, top - h, 0.4);
        let mut x = MARGIN;
        c.line(x, top, x, top - h, 0.4);
        for w in cols {
            x += w;
            c.line(x, top, x, top - h, 0.4);
        }
    }

    /// Draws lines `from..to` of every cell as one band; `cont` marks a
    /// continuation.
    fn band(&mut self, row: &Row, wrapped: &[Vec<Styled>], from: usize, to: usize, cont: bool) {
        let n = to - from;
        let h = n.max(1) as f32 * LEAD + 2.0 * PAD;
        let top = self.canvas.y;
        if row.grey {
            self.canvas.fill(MARGIN, top - h, BODY_W, h, 0.88);
        }
        let mut x = MARGIN;
        for (i, cell) in wrapped.iter().enumerate() {
            let mut lines: Vec<Styled> = cell.iter().skip(from).take(n).cloned().collect();
            if i == 0 && cont {
                lines = vec![
                    Styled::bold(row.seq.to_string()),
                    Styled::plain(crate::t_in!(self.lang, "report-continued")),
                ];
            }
            for (k, l) in lines.iter().enumerate() {
                let base = top - PAD - SIZE - k as f32 * LEAD + 1.0;
                let room = self.cols[i] - 2.0 * PAD;
                let size = if l.fit {
                    let w = self.canvas.font.text_width(&l.text, SIZE);
                    if w > room {
                        SIZE * room / w
                    } else {
                        SIZE
                    }
                } else {
                    SIZE
                };
                self.canvas.text(x + PAD, base, size, &l.text, l.bold);
                if l.strike && !l.text.is_empty() {
                    let w = self.canvas.font.text_width(&l.text, SIZE);
                    let sy = base + SIZE * 0.3;
                    self.canvas.line(x + PAD, sy, x + PAD + w, sy, 0.6);
                }
            }
            x += self.cols[i];
        }
        self.grid(top, h);
        self.canvas.y = top - h;
    }

    pub(super) fn row(&mut self, row: &Row) {
        let wrapped: Vec<Vec<Styled>> = row
            .cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let mut out = Vec::new();
                for s in cell {
                    if s.fit {
                        out.push(s.clone());
                        continue;
                    }
                    for l in self.canvas.wrap(&s.text, self.cols[i] - 2.0 * PAD, SIZE) {
                        out.push(Styled {
                            text: l,
                            ..s.clone()
                        });
                    }
                }
                out
            })
            .collect();
        let total = wrapped.iter().map(|c| c.len()).max().unwrap_or(1).max(1);
        let need = |lines: usize| lines as f32 * LEAD + 2.0 * PAD;
        let page_room = {
            // Room on a fresh page below the title and a two-line header.
            TOP - 12.0 - 8.0 - (2.0 * LEAD + 2.0 * PAD) - BOTTOM
        };
        if self.canvas.y - need(total) >= BOTTOM {
            self.band(row, &wrapped, 0, total, false);
            return;
        }
        if need(total) <= page_room {
            self.page_start();
            self.band(row, &wrapped, 0, total, false);
            return;
        }
        // Taller than a page: split between lines only.
        let mut from = 0;
        let mut cont = false;
        while from < total {
            let room = ((self.canvas.y - BOTTOM - 2.0 * PAD) / LEAD)
                .floor()
                .max(0.0) as usize;
            if room < 3 {
                self.page_start();
                continue;
            }
            let to = (from + room).min(total);
            self.band(row, &wrapped, from, to, cont);
            from = to;
            cont = true;
            if from < total {
                self.page_start();
            }
        }
    }
}
