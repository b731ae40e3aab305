//! The report's font: found on the system, given with `--font`, or the
//! built-in Helvetica when every character of an English report is one
//! Helvetica can print.
//!
//! Japanese text needs a CJK font. kiroku looks, in order, at `--font PATH`
//! (or `KIROKU_FONT`), then at the usual places on Linux, macOS and Windows
//! ([`CANDIDATES`]). In a collection (`.ttc`/`.otc`) the Japanese face is
//! chosen by its name (…JP, Japanese font names), else the first face.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use printpdf::{BuiltinFont, ParsedFont};

use crate::error::{Error, Result};

/// Where Japanese fonts usually are, best first.
pub const CANDIDATES: &[&str] = &[
    // Debian, Ubuntu
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKjp-Regular.otf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf",
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/takao-gothic/TakaoPGothic.ttf",
    // Fedora, Arch, openSUSE
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/ipa-gothic/ipag.ttf",
    "/usr/share/fonts/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/OTF/ipaexg.ttf",
    "/usr/share/fonts/TTF/ipaexg.ttf",
    // macOS
    "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/Library/Fonts/Osaka.ttf",
    // Windows
    "C:\\Windows\\Fonts\\YuGothR.ttc",
    "C:\\Windows\\Fonts\\meiryo.ttc",
    "C:\\Windows\\Fonts\\msgothic.ttc",
];

/// What to install when no font is found.
pub const INSTALL_HINT: &str = "install a Japanese font (Debian/Ubuntu: `sudo apt install fonts-ipaexfont-gothic` or `fonts-noto-cjk`; Fedora: `google-noto-sans-cjk-fonts`) or give one with --font PATH";

/// A font ready for layout: its glyphs and widths, and how to embed it.
pub struct Font {
    pub parsed: ParsedFont,
    /// `None` for an embedded font; the standard font otherwise.
    pub builtin: Option<BuiltinFont>,
    /// Where it came from, for messages.
    pub source: String,
    units_per_em: f32,
    /// Glyph and advance (in font units) of each character of the Basic
    /// Multilingual Plane met so far: rows reuse what earlier rows measured.
    cache: RefCell<Vec<Option<(u16, f32)>>>,
}

impl Font {
    fn new(parsed: ParsedFont, builtin: Option<BuiltinFont>, source: String) -> Font {
        let upm = parsed.pdf_font_metrics.units_per_em.max(1) as f32;
        Font {
            parsed,
            builtin,
            source,
            units_per_em: upm,
            cache: RefCell::new(Vec::new()),
        }
    }

    /// The glyph id of `c` (0 when the font has none) and its advance.
    fn metrics(&self, c: char) -> (u16, f32) {
        let look = || {
            let g = self.parsed.lookup_glyph_index(c as u32).unwrap_or(0);
            let adv = if g != 0 {
                self.parsed.get_horizontal_advance(g) as f32
            } else {
                0.0
            };
            (g, adv)
        };
        let i = c as usize;
        if i > 0xFFFF {
            return look();
        }
        let mut cache = self.cache.borrow_mut();
        if cache.is_empty() {
            cache.resize(0x10000, None);
        }
        *cache[i].get_or_insert_with(look)
    }

    /// The glyph id of `c`; 0 (.notdef) when the font has none.
    pub fn glyph(&self, c: char) -> u16 {
        self.metrics(c).0
    }

    /// The built-in Helvetica (no file needed; Latin text only).
    pub fn helvetica() -> Result<Font> {
        let parsed = BuiltinFont::Helvetica
            .get_parsed_font()
            .ok_or_else(|| Error::internal("the built-in font cannot be read"))?;
        Ok(Font::new(
            parsed,
            Some(BuiltinFont::Helvetica),
            "Helvetica".into(),
        ))
    }

    /// Loads a font file (a collection: its Japanese face).
    pub fn load(path: &Path) -> Result<Font> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| {
            Error::from_io(e, &format!("font {shown}")).with_hint(INSTALL_HINT.to_string())
        })?;
        let index = japanese_face(&bytes).unwrap_or(0);
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&bytes, index, &mut warnings).ok_or_else(|| {
            Error::usage(format!("{shown} is not a font kiroku can use"))
                .with_hint("give a TrueType or OpenType font (.ttf, .otf, .ttc) with --font")
        })?;
        Ok(Font::new(parsed, None, shown))
    }

    /// Whether the font has a glyph for `c`. The standard fonts are
    /// written in WinAnsiEncoding: exactly its characters can be shown.
    pub fn has(&self, c: char) -> bool {
        if self.builtin.is_some() {
            return win_ansi(c);
        }
        self.metrics(c).0 != 0
    }

    /// Advance width of `c` at `size` points (missing glyphs: a full em).
    pub fn width(&self, c: char, size: f32) -> f32 {
        match self.metrics(c) {
            (g, adv) if g != 0 => adv / self.units_per_em * size,
            // Helvetica's space and exclamation mark (278/1000 em), which
            // the metrics kiroku reads it from do not map.
            _ if self.builtin.is_some() && matches!(c, ' ' | '!') => 0.278 * size,
            _ => size,
        }
    }

    pub fn text_width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.width(c, size)).sum()
    }

    /// Whether it can show Japanese (kana and common kanji).
    pub fn has_japanese(&self) -> bool {
        ['あ', 'ア', '記', '録', '。'].iter().all(|c| self.has(*c))
    }
}

/// Chooses the font: `--font`, else a system font when `needs_cjk` (or
/// when `chars` holds something Helvetica cannot show), else Helvetica.
pub fn choose(
    explicit: Option<&Path>,
    needs_cjk: bool,
    mut chars: impl Iterator<Item = char>,
) -> Result<Font> {
    if let Some(p) = explicit {
        let font = Font::load(p)?;
        if needs_cjk && !font.has_japanese() {
            return Err(Error::usage(format!(
                "the font {} has no Japanese characters",
                p.display()
            ))
            .with_hint(INSTALL_HINT.to_string()));
        }
        return Ok(font);
    }
    let helvetica = Font::helvetica()?;
    let latin_only = !needs_cjk && chars.all(|c| c.is_control() || helvetica.has(c));
    if latin_only {
        return Ok(helvetica);
    }
    match find_system_font() {
        Some(p) => Font::load(&p),
        None => Err(
            Error::usage("the report holds Japanese text but no Japanese font was found")
                .with_hint(INSTALL_HINT.to_string()),
        ),
    }
}

/// The first candidate that exists, also looking in the user's font folders.
pub fn find_system_font() -> Option<PathBuf> {
    for c in CANDIDATES {
        let p = Path::new(c);
        if p.is_file() {
            return Some(p.to_path_buf());
        }
    }
    let home = std::env::var_os("HOME").map(PathBuf::from)?;
    let names = [
        "ipaexg.ttf",
        "NotoSansCJK-Regular.ttc",
        "NotoSansCJKjp-Regular.otf",
        "NotoSansJP-Regular.otf",
        "NotoSansJP-Regular.ttf",
        "ipag.ttf",
    ];
    for dir in [
        ".local/share/fonts",
        ".fonts",
        "Library/Fonts",
        "AppData/Local/Microsoft/Windows/Fonts",
    ] {
        for n in names {
            let p = home.join(dir).join(n);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Whether WinAnsiEncoding (PDF 32000-1, Annex D) has `c`.
fn win_ansi(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A0}'..='\u{FF}') || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

/// The names (family and full name) of the face whose table directory
/// starts at `dir`.
fn face_names(b: &[u8], dir: usize) -> Option<Vec<String>> {
    let tables = be16(b, dir + 4)? as usize;
    let mut name_at = None;
    for i in 0..tables {
        let rec = dir + 12 + i * 16;
        if b.get(rec..rec + 4)? == b"name" {
            name_at = Some(be32(b, rec + 8)? as usize);
        }
    }
    let t = name_at?;
    let count = be16(b, t + 2)? as usize;
    let strings = t + be16(b, t + 4)? as usize;
    let mut out = Vec::new();
    for i in 0..count {
        let r = t + 6 + i * 12;
        let (platform, name_id) = (be16(b, r)?, be16(b, r + 6)?);
        if !matches!(name_id, 1 | 4 | 16) {
            continue;
        }
        let len = be16(b, r + 8)? as usize;
        let off = strings + be16(b, r + 10)? as usize;
        let raw = b.get(off..off + len)?;
        let s = if platform == 0 || platform == 3 {
            let units: Vec<u16> = raw
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            String::from_utf8_lossy(raw).into_owned()
        };
        out.push(s);
    }
    Some(out)
}

/// In a collection, the index of the Japanese face; `None` for a single font.
pub fn japanese_face(b: &[u8]) -> Option<usize> {
    if b.get(0..4)? != b"ttcf" {
        return None;
    }
    let n = be32(b, 8)? as usize;
    for i in 0..n.min(64) {
        let dir = be32(b, 12 + i * 4)? as usize;
        let names = face_names(b, dir).unwrap_or_default();
        let japanese = names.iter().any(|s| {
            s.contains(" JP")
                || s.ends_with("JP")
                || s.contains("Japanese")
                || s.contains("Gothic")
                || s.contains("Hiragino Sans")
                || s.contains("ヒラギノ")
                || s.contains("游ゴシック")
                || s.contains("Meiryo")
        });
        if japanese {
            return Some(i);
        }
    }
    Some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helvetica_is_built_in_and_latin_only() {
        let f = Font::helvetica().unwrap();
        let missing: String = (' '..='~').filter(|c| !f.has(*c)).collect();
        assert_eq!(missing, "");
        assert!(f.has('é') && f.has('—'));
        assert!(!f.has('あ'));
        assert!(f.text_width("WW", 10.0) > f.text_width("ii", 10.0));
    }

    #[test]
    fn not_a_collection() {
        assert_eq!(japanese_face(b"\0\x01\0\0rest"), None);
        assert_eq!(japanese_face(b""), None);
    }
}
