//! Drawing on the report's pages: text, filled boxes and lines, with a
//! current position that moves down the page. A finished page is written
//! to the file at once ([`super::writer`]); the footers ("page x of y")
//! are written at the end, as each page's second content stream.

use std::io;

use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Chunk, Content, Rect, Ref, Str};

use super::font::Font;
use super::writer::{self, Glyphs, Sink, FONT, MEDIA};
use super::{showable, wrap, BODY_W, BOTTOM, MARGIN, TOP};
use crate::error::Result;

/// The page being drawn and the file it goes to.
pub(super) struct Canvas<'f> {
    pub(super) font: &'f Font,
    sink: Sink<'f>,
    glyphs: Glyphs,
    content: Option<Content>,
    /// Object numbers of the page tree root and of the font.
    pages_ref: Ref,
    font_ref: Ref,
    /// Each finished page and its footer stream (written at the end).
    pages: Vec<(Ref, Ref)>,
    /// The first write error; drawing goes on, [`Canvas::finish`] reports it.
    failed: Option<io::Error>,
    /// A buffer for coded text, reused.
    codes: Vec<u8>,
    pub(super) y: f32,
}

impl<'f> Canvas<'f> {
    pub(super) fn new(font: &'f Font, out: &'f mut dyn io::Write) -> Result<Canvas<'f>> {
        let mut sink = Sink::new(out)?;
        let pages_ref = sink.alloc();
        let font_ref = sink.alloc();
        Ok(Canvas {
            font,
            sink,
            glyphs: Glyphs::new(font),
            content: None,
            pages_ref,
            font_ref,
            pages: Vec::new(),
            failed: None,
            codes: Vec::new(),
            y: TOP,
        })
    }

    /// Whether any page was started.
    pub(super) fn has_pages(&self) -> bool {
        self.content.is_some() || !self.pages.is_empty()
    }

    /// Writes the page being drawn, if any.
    fn end_page(&mut self) {
        let Some(content) = self.content.take() else {
            return;
        };
        let data = content.finish().into_vec();
        let body = self.sink.alloc();
        let footer = self.sink.alloc();
        let page = self.sink.alloc();
        let r = writer::put_stream(&mut self.sink, body, &data).and_then(|_| {
            let mut c = Chunk::new();
            {
                let mut p = c.page(page);
                p.media_box(Rect::new(0.0, 0.0, MEDIA[0], MEDIA[1]))
                    .parent(self.pages_ref)
                    .contents_array([body, footer]);
                p.resources().fonts().pair(FONT, self.font_ref);
            }
            self.sink.put(page, &c)
        });
        if let Err(e) = r {
            self.failed.get_or_insert(e);
        }
        self.pages.push((page, footer));
    }

    pub(super) fn new_page(&mut self) {
        self.end_page();
        self.content = Some(Content::new());
        self.y = TOP;
    }

    fn ops(&mut self) -> &mut Content {
        self.content.get_or_insert_with(Content::new)
    }

    /// Text with its baseline at `y` (already safe to show).
    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, s: &str, bold: bool) {
        if s.is_empty() {
            return;
        }
        let font = self.font;
        let mut codes = std::mem::take(&mut self.codes);
        codes.clear();
        if s.chars().all(|c| c == ' ' || font.has(c)) {
            self.glyphs.encode(font, s, &mut codes);
        } else {
            self.glyphs.encode(font, &showable(font, s), &mut codes);
        }
        let ops = self.ops();
        ops.begin_text();
        ops.set_font(FONT, size);
        ops.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y]);
        if bold {
            // A slightly stroked outline: bold in any font, even one face.
            ops.set_line_width(size / 30.0);
            ops.set_text_rendering_mode(TextRenderingMode::FillStroke);
        }
        ops.show(Str(&codes));
        if bold {
            ops.set_text_rendering_mode(TextRenderingMode::Fill);
        }
        ops.end_text();
        self.codes = codes;
    }

    pub(super) fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, level: f32) {
        let ops = self.ops();
        ops.save_state();
        ops.set_fill_gray(level);
        ops.rect(x, y, w, h);
        ops.fill_nonzero();
        ops.restore_state();
    }

    pub(super) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        let ops = self.ops();
        ops.set_line_width(width);
        ops.move_to(x1, y1);
        ops.line_to(x2, y2);
        ops.stroke();
    }

    pub(super) fn wrap(&self, text: &str, width: f32, size: f32) -> Vec<String> {
        let f = self.font;
        wrap::wrap(text, width, &|c| f.width(c, size))
    }

    /// A paragraph of wrapped text from the current position.
    pub(super) fn paragraph(&mut self, text: &str, size: f32, lead: f32, bold: bool) {
        for line in self.wrap(text, BODY_W, size) {
            if self.y - lead < BOTTOM {
                self.new_page();
            }
            self.y -= lead;
            self.text(MARGIN, self.y, size, &line, bold);
        }
    }

    pub(super) fn space(&mut self, h: f32) {
        self.y -= h;
    }

    /// Writes the last page, every page's footer (`footer(page, of)` gives
    /// its two lines), the font, the page tree, the catalog and `info`.
    /// Returns the number of pages.
    pub(super) fn finish(
        mut self,
        footer: impl Fn(usize, usize) -> (String, String),
        info: impl FnOnce(&mut Chunk, Ref),
    ) -> Result<usize> {
        self.end_page();
        let total = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        for (i, (_, stream)) in pages.iter().enumerate() {
            let (line1, line2) = footer(i + 1, total);
            self.content = Some(Content::new());
            self.line(MARGIN, 44.0, MARGIN + BODY_W, 44.0, 0.3);
            self.text(MARGIN, 34.0, 7.0, &line1, false);
            self.text(MARGIN, 24.0, 7.0, &line2, false);
            let data = self
                .content
                .take()
                .map(|c| c.finish().into_vec())
                .unwrap_or_default();
            if let Err(e) = writer::put_stream(&mut self.sink, *stream, &data) {
                self.failed.get_or_insert(e);
            }
        }
        if let Some(e) = self.failed.take() {
            return Err(e.into());
        }
        self.glyphs
            .write_font(&mut self.sink, self.font_ref, self.font)?;
        let mut c = Chunk::new();
        c.pages(self.pages_ref)
            .kids(pages.iter().map(|(p, _)| *p))
            .count(total as i32);
        self.sink.put(self.pages_ref, &c)?;
        let catalog = self.sink.alloc();
        let mut c = Chunk::new();
        c.indirect(catalog)
            .start::<pdf_writer::writers::Catalog>()
            .pages(self.pages_ref);
        self.sink.put(catalog, &c)?;
        let info_ref = self.sink.alloc();
        let mut c = Chunk::new();
        info(&mut c, info_ref);
        self.sink.put(info_ref, &c)?;
        self.sink.finish(catalog, info_ref)?;
        Ok(total)
    }
}
