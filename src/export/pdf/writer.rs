//! Writing the report's PDF file object by object, as pages are finished.
//!
//! printpdf keeps a whole document in memory (every drawing operation of
//! every page, then a second copy as PDF objects), about 20 KB per entry,
//! so a big case needed gigabytes. Here each page's content stream is
//! compressed and written as soon as the page is laid out; what stays in
//! memory until the end is what later objects need: the glyphs used (for
//! the font subset, its widths and its text mapping), and two object
//! numbers per page (the page tree and the footers, which are written last
//! because "page x of y" needs the page count). The objects themselves are
//! written with `pdf-writer`; the font is still parsed and subset by
//! printpdf.
//!
//! Text codes: with a TrueType font the code of a glyph is its glyph id
//! in the original font, and a `/CIDToGIDMap` maps it to the id in the
//! subset (known only at the end); with a CID-keyed CFF font (Noto CJK)
//! the code is the glyph's CID, which subsetting keeps. Both are known when
//! the text is drawn, so no page is rewritten.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Filter, Name, Rect, Ref, Str};

use super::font::Font;
use crate::error::{Error, Result};

/// The name of the report's one font in every page's resources.
pub(super) const FONT: Name<'static> = Name(b"F1");

/// A4 in points (210 × 297 mm).
pub(super) const MEDIA: [f32; 2] = [595.2756, 841.8898];

/// The file being written: objects in order, and where each starts.
pub(super) struct Sink<'w> {
    out: &'w mut dyn Write,
    pos: u64,
    /// Offset of object `i + 1`.
    offsets: Vec<u64>,
}

impl<'w> Sink<'w> {
    pub(super) fn new(out: &'w mut dyn Write) -> io::Result<Sink<'w>> {
        let mut s = Sink {
            out,
            pos: 0,
            offsets: Vec::new(),
        };
        s.raw(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")?;
        Ok(s)
    }

    fn raw(&mut self, b: &[u8]) -> io::Result<()> {
        self.out.write_all(b)?;
        self.pos += b.len() as u64;
        Ok(())
    }

    /// A new object number.
    pub(super) fn alloc(&mut self) -> Ref {
        self.offsets.push(0);
        Ref::new(self.offsets.len() as i32)
    }

    /// Writes a chunk holding exactly the object `id`.
    pub(super) fn put(&mut self, id: Ref, chunk: &Chunk) -> io::Result<()> {
        self.offsets[id.get() as usize - 1] = self.pos;
        self.raw(chunk.as_bytes())
    }

    /// The cross-reference table and trailer.
    pub(super) fn finish(mut self, catalog: Ref, info: Ref) -> io::Result<()> {
        let start = self.pos;
        let mut x = Vec::with_capacity(40 + 20 * self.offsets.len());
        write!(
            x,
            "xref\n0 {}\n0000000000 65535 f\r\n",
            self.offsets.len() + 1
        )?;
        for o in &self.offsets {
            write!(x, "{o:010} 00000 n\r\n")?;
        }
        write!(
            x,
            "trailer\n<<\n  /Size {}\n  /Root {} 0 R\n  /Info {} 0 R\n>>\nstartxref\n{start}\n%%EOF\n",
            self.offsets.len() + 1,
            catalog.get(),
            info.get()
        )?;
        self.raw(&x)?;
        self.out.flush()
    }
}

/// Deflates a stream's data.
pub(super) fn deflate(data: &[u8]) -> Vec<u8> {
    use flate2::write::ZlibEncoder;
    let mut e = ZlibEncoder::new(
        Vec::with_capacity(data.len() / 3 + 64),
        flate2::Compression::fast(),
    );
    // Writing to a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// Writes a deflated stream object.
pub(super) fn put_stream(sink: &mut Sink, id: Ref, data: &[u8]) -> io::Result<()> {
    let packed = deflate(data);
    let mut c = Chunk::new();
    c.stream(id, &packed).filter(Filter::FlateDecode);
    sink.put(id, &c)
}

/// How text is coded for the font, and the glyphs used so far.
pub(super) struct Glyphs {
    /// The built-in Helvetica: single bytes in WinAnsiEncoding.
    builtin: bool,
    /// CID-keyed CFF: glyph id → CID.
    cids: Option<BTreeMap<u16, u16>>,
    /// Code → (glyph id, a character it shows).
    used: BTreeMap<u16, (u16, char)>,
    /// Character → code, for characters already seen.
    codes: HashMap<char, u16>,
}

impl Glyphs {
    pub(super) fn new(font: &Font) -> Glyphs {
        let cids = if font.builtin.is_some() {
            None
        } else {
            font.parsed.source_bytes().and_then(|b| {
                printpdf::cff_charset_gid_to_cid_map(b.as_slice(), font.parsed.original_index)
            })
        };
        Glyphs {
            builtin: font.builtin.is_some(),
            cids,
            used: BTreeMap::new(),
            codes: HashMap::new(),
        }
    }

    /// Appends the codes of `s` (already safe to show) to `out`.
    pub(super) fn encode(&mut self, font: &Font, s: &str, out: &mut Vec<u8>) {
        if self.builtin {
            out.extend(s.chars().map(win_ansi));
            return;
        }
        for c in s.chars() {
            let code = match self.codes.get(&c) {
                Some(code) => *code,
                None => {
                    let gid = font.glyph(c);
                    let code = match &self.cids {
                        Some(m) => m.get(&gid).copied().unwrap_or(0),
                        None => gid,
                    };
                    self.used.entry(code).or_insert((gid, c));
                    self.codes.insert(c, code);
                    code
                }
            };
            out.extend_from_slice(&code.to_be_bytes());
        }
    }

    /// Writes the font object `id` and what it refers to.
    pub(super) fn write_font(&self, sink: &mut Sink, id: Ref, font: &Font) -> Result<()> {
        if self.builtin {
            let mut c = Chunk::new();
            c.type1_font(id)
                .base_font(Name(b"Helvetica"))
                .encoding_predefined(Name(b"WinAnsiEncoding"));
            sink.put(id, &c)?;
            return Ok(());
        }
        let parsed = &font.parsed;
        let source = parsed
            .source_bytes()
            .ok_or_else(|| Error::internal("the font's data is missing"))?;
        let usage: BTreeMap<u16, String> = self
            .used
            .values()
            .map(|(gid, c)| (*gid, c.to_string()))
            .collect();
        let subset = printpdf::subset_font(parsed, &usage).ok();
        // The font program, its kind, and for TrueType the code → subset
        // glyph map.
        enum Program {
            TrueType(Vec<u8>, Option<Vec<u8>>),
            BareCff(Vec<u8>),
            OpenType(Vec<u8>),
        }
        let face = || {
            printpdf::extract_collection_face(source.as_slice(), parsed.original_index)
                .unwrap_or_else(|| source.as_slice().to_vec())
        };
        let (program, subset_done) = match (&self.cids, subset) {
            (Some(_), Some(s)) => {
                // Subsetting keeps the CIDs: check, as the codes rely on it.
                let after = printpdf::cff_charset_gid_to_cid_map(&s.bytes, 0).unwrap_or_default();
                let kept = s.glyph_mapping.iter().all(|(old, (new, _))| {
                    after.get(new) == self.cids.as_ref().and_then(|m| m.get(old))
                });
                match printpdf::extract_cid_keyed_cff(&s.bytes, 0) {
                    Some(cff) if kept => (Program::BareCff(cff), true),
                    _ => (Program::OpenType(face()), false),
                }
            }
            (Some(_), None) => (Program::OpenType(face()), false),
            (None, Some(s)) if !s.bytes.starts_with(b"OTTO") => {
                let max = self.used.keys().next_back().copied().unwrap_or(0) as usize;
                let mut map = vec![0u8; 2 * (max + 1)];
                for (old, (new, _)) in &s.glyph_mapping {
                    let at = 2 * *old as usize;
                    if at + 1 < map.len() {
                        map[at..at + 2].copy_from_slice(&new.to_be_bytes());
                    }
                }
                (Program::TrueType(s.bytes, Some(map)), true)
            }
            (None, _) => {
                let f = face();
                if f.starts_with(b"OTTO") {
                    (Program::OpenType(f), false)
                } else {
                    (Program::TrueType(f, None), false)
                }
            }
        };
        let name = parsed.font_name.clone().unwrap_or_else(|| "Font".into());
        let name = if subset_done {
            format!("{}+{name}", self.tag())
        } else {
            name
        };
        let cid_font = sink.alloc();
        let descriptor = sink.alloc();
        let file = sink.alloc();
        let to_unicode = sink.alloc();
        let gid_map = match &program {
            Program::TrueType(_, Some(_)) => Some(sink.alloc()),
            _ => None,
        };

        let mut c = Chunk::new();
        c.type0_font(id)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font)
            .to_unicode(to_unicode);
        sink.put(id, &c)?;

        let upm = parsed.pdf_font_metrics.units_per_em.max(1) as f32;
        let scale = 1000.0 / upm;
        let mut c = Chunk::new();
        {
            let mut f = c.cid_font(cid_font);
            let subtype = match program {
                Program::TrueType(..) => CidFontType::Type2,
                _ => CidFontType::Type0,
            };
            f.subtype(subtype)
                .base_font(Name(name.as_bytes()))
                .system_info(SystemInfo {
                    registry: Str(b"Adobe"),
                    ordering: Str(b"Identity"),
                    supplement: 0,
                })
                .font_descriptor(descriptor)
                .default_width(1000.0);
            {
                let mut w = f.widths();
                for (code, (gid, _)) in &self.used {
                    let adv = parsed.get_horizontal_advance(*gid) as f32;
                    w.consecutive(*code, [((adv * scale) as i64) as f32]);
                }
            }
            if let Program::TrueType(..) = &program {
                match gid_map {
                    Some(id) => {
                        f.cid_to_gid_map_stream(id);
                    }
                    None => {
                        f.cid_to_gid_map_predefined(Name(b"Identity"));
                    }
                }
            }
        }
        sink.put(cid_font, &c)?;

        let m = &parsed.pdf_font_metrics;
        let italic = if m.caret_slope_rise == 0 {
            0.0
        } else {
            (-(m.caret_slope_run as f32)
                .atan2(m.caret_slope_rise as f32)
                .to_degrees())
            .round()
        };
        let mut flags = FontFlags::NON_SYMBOLIC;
        if italic != 0.0 {
            flags |= FontFlags::ITALIC;
        }
        let stem_v = if m.us_weight_class == 0 {
            80.0
        } else {
            50.0 + ((m.us_weight_class as f32 / 65.0).powi(2)).round()
        };
        let ascent = (parsed.font_metrics.ascent * scale).round();
        let descent = (parsed.font_metrics.descent * scale).round();
        let cap = parsed
            .font_metrics
            .cap_height
            .map(|c| (c * scale).round())
            .unwrap_or(ascent);
        let mut c = Chunk::new();
        {
            let mut d = c.font_descriptor(descriptor);
            d.name(Name(name.as_bytes()))
                .flags(flags)
                .bbox(Rect::new(
                    (m.x_min as f32 * scale).round(),
                    (m.y_min as f32 * scale).round(),
                    (m.x_max as f32 * scale).round(),
                    (m.y_max as f32 * scale).round(),
                ))
                .italic_angle(italic)
                .ascent(ascent)
                .descent(descent)
                .cap_height(cap)
                .stem_v(stem_v);
            match &program {
                Program::TrueType(..) => d.font_file2(file),
                _ => d.font_file3(file),
            };
        }
        sink.put(descriptor, &c)?;

        let (bytes, subtype): (&[u8], Option<&[u8]>) = match &program {
            Program::TrueType(b, _) => (b, None),
            Program::BareCff(b) => (b, Some(b"CIDFontType0C")),
            Program::OpenType(b) => (b, Some(b"OpenType")),
        };
        let packed = deflate(bytes);
        let mut c = Chunk::new();
        {
            let mut s = c.stream(file, &packed);
            s.filter(Filter::FlateDecode);
            match subtype {
                Some(t) => {
                    s.pair(Name(b"Subtype"), Name(t));
                }
                None => {
                    s.pair(Name(b"Length1"), bytes.len() as i32);
                }
            }
        }
        sink.put(file, &c)?;

        let mut cmap = UnicodeCmap::new(
            Name(b"Kiroku-UCS"),
            SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"UCS"),
                supplement: 0,
            },
        );
        for (code, (_, ch)) in &self.used {
            cmap.pair(*code, *ch);
        }
        put_stream(sink, to_unicode, &cmap.finish())?;
        if let (Program::TrueType(_, Some(map)), Some(id)) = (&program, gid_map) {
            put_stream(sink, id, map)?;
        }
        Ok(())
    }

    /// Six capital letters naming this subset (PDF 32000-1, 9.6.4).
    fn tag(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (code, (gid, _)) in &self.used {
            for b in code.to_be_bytes().into_iter().chain(gid.to_be_bytes()) {
                h ^= b as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        (0..6)
            .map(|i| (b'A' + ((h >> (i * 8)) % 26) as u8) as char)
            .collect()
    }
}

/// A character in WinAnsiEncoding (PDF 32000-1, Annex D); `?` otherwise
/// (the report escapes such characters before drawing them).
fn win_ansi(c: char) -> u8 {
    const HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";
    match c {
        ' '..='~' | '\u{A0}'..='\u{FF}' => c as u32 as u8,
        _ => HIGH
            .chars()
            .position(|h| h == c)
            .map(|i| 0x80 + i as u8)
            .unwrap_or(b'?'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn win_ansi_codes() {
        assert_eq!(win_ansi('A'), b'A');
        assert_eq!(win_ansi('é'), 0xE9);
        assert_eq!(win_ansi('€'), 0x80);
        assert_eq!(win_ansi('—'), 0x97);
        assert_eq!(win_ansi('Ÿ'), 0x9F);
        assert_eq!(win_ansi('あ'), b'?');
    }
}
