//! Local media: the clips, captions, posters and images lessons use, checked on disk, and
//! the files `pathlight build` copies beside the built pack.
//!
//! A relative media URL resolves against the URL of the built `lessons.json`, so on disk it
//! is read beside the pack's sources, and copied beside the built pack: one folder to deploy.

use super::clip_syntax::{path_part, sibling};
use super::files::Files;
use super::source::{translation_name, Authored};
use super::Diagnostic;
use crate::model::content::{Block, Clip, Inline};
use crate::model::pack::Pack;
use crate::model::url_safety::is_path_relative;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A local clip larger than this is a warning: learners on phones download it.
pub const LARGE_CLIP_BYTES: u64 = 4 * 1024 * 1024;

/// Where a poster may be, beside its clip, in the order they are looked for.
const POSTERS: [&str; 3] = ["jpg", "png", "webp"];

/// `%20` and the like decoded, for a URL's path read as a file name.
pub(super) fn decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                out.push((hex(a).unwrap_or(0) * 16 + hex(b).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The file a local media URL names, relative to the pack's folder; `None` for a URL that
/// is not local, or climbs out of the pack's folder.
fn local(url: &str) -> Option<Result<String, ()>> {
    if !is_path_relative(url) {
        return None;
    }
    let path = decoded(path_part(url.trim()));
    if path.split(['/', '\\']).any(|part| part == "..") {
        return Some(Err(()));
    }
    Some(Ok(path))
}

/// Where one lesson's media problems are reported.
struct Place<'a> {
    fs: &'a dyn Files,
    dir: PathBuf,
    file: PathBuf,
    text: String,
    diags: &'a mut Vec<Diagnostic>,
}

impl Place<'_> {
    fn report(&mut self, url: &str, message: String, help: String, warning: bool) {
        let written = path_part(url.trim());
        let diag = match self.text.lines().position(|l| l.contains(written)) {
            Some(i) => Diagnostic::at_line(&self.file, i + 1, message, help),
            None => Diagnostic::in_file(&self.file, message, help),
        };
        self.diags.push(if warning { diag.warning() } else { diag });
    }

    /// The file a local `url` names, if it exists; a problem reported otherwise.
    fn existing(&mut self, url: &str, what: &str) -> Option<PathBuf> {
        match local(url)? {
            Err(()) => {
                self.report(
                    url,
                    format!("the {what} `{url}` is outside the pack's folder"),
                    "keep media in the pack's folder (e.g. `clips/`): `pathlight build` copies them beside the built lessons.json".into(),
                    false,
                );
                None
            }
            Ok(path) => {
                let file = self.dir.join(&path);
                if self.fs.is_file(&file) {
                    return Some(file);
                }
                self.report(
                    url,
                    format!("the {what} `{url}` does not exist"),
                    format!(
                        "add {} or fix the path: relative media are read beside the pack, and served beside the built lessons.json",
                        file.display()
                    ),
                    false,
                );
                None
            }
        }
    }

    fn check_clip(&mut self, clip: &mut Clip) {
        // Outside the pack, its captions are too: one mistake, one error.
        if matches!(local(&clip.src), Some(Err(()))) {
            self.existing(&clip.src, "clip");
            return;
        }
        if self.existing(&clip.src, "clip").is_some() {
            if let Ok(bytes) = self.fs.size(&self.dir.join(local_path(&clip.src))) {
                if bytes > LARGE_CLIP_BYTES {
                    self.report(
                        &clip.src,
                        format!(
                            "the clip `{}` is {:.1} MB: learners on phones download all of it",
                            clip.src,
                            bytes as f64 / (1024.0 * 1024.0)
                        ),
                        "keep clips short and small (under 4 MB): a few seconds, a small size, webm".into(),
                        true,
                    );
                }
            }
            if clip.poster.is_none() {
                clip.poster = POSTERS
                    .iter()
                    .map(|ext| sibling(&clip.src, ext))
                    .find(|p| self.fs.is_file(&self.dir.join(local_path(p))));
            }
        }
        // Captions are required: missing ones are their own error, with the fix.
        match local(&clip.captions) {
            Some(Ok(path)) if !self.fs.is_file(&self.dir.join(&path)) => {
                let captions = clip.captions.clone();
                self.report(
                    &clip.src,
                    format!("the clip `{}` has no captions", clip.src),
                    format!(
                        "add {captions} beside it: a WebVTT file of what is said and shown (captions are required)"
                    ),
                    false,
                );
            }
            _ => {
                let captions = clip.captions.clone();
                self.existing(&captions, "captions file");
            }
        }
        if let Some(poster) = clip.poster.clone() {
            if let Some(file) = self.existing(&poster, "poster") {
                if clip.size.is_none() {
                    clip.size = self.fs.read(&file).ok().and_then(|b| image_size(&b));
                }
            }
        }
    }

    fn walk(&mut self, blocks: &mut [Block]) {
        for block in blocks {
            match block {
                Block::P(c) | Block::H(c) => self.inlines(c),
                Block::Ul(items) | Block::Ol(items) => {
                    items.iter_mut().for_each(|item| self.walk(item))
                }
                Block::Quote(inner) => self.walk(inner),
                Block::Steps(steps) => steps.iter_mut().for_each(|s| self.walk(&mut s.content)),
                Block::Code(_) => {}
            }
        }
    }

    fn inlines(&mut self, list: &mut [Inline]) {
        for inline in list {
            match inline {
                Inline::Image { src, .. } => {
                    let src = src.clone();
                    self.existing(&src, "image");
                }
                Inline::Clip(clip) => self.check_clip(clip),
                Inline::Em(c) | Inline::Strong(c) | Inline::Link { children: c, .. } => {
                    self.inlines(c)
                }
                Inline::Text(_) | Inline::Code(_) | Inline::Break => {}
            }
        }
    }
}

/// The path a local URL names (checked already).
fn local_path(url: &str) -> String {
    decoded(path_part(url.trim()))
}

/// Checks the local media every lesson and translation uses: each file exists inside the
/// pack's folder, each clip has captions; a clip's poster beside it is found, and gives the
/// clip its size when the title did not. A local clip over 4 MB is a warning.
pub fn check(fs: &dyn Files, authored: &mut [Authored], diags: &mut Vec<Diagnostic>) {
    for a in authored {
        let dir = a.file.parent().map(Path::to_path_buf).unwrap_or_default();
        let text = super::files::read_text(fs, &a.file).unwrap_or_default();
        let mut place = Place {
            fs,
            dir: dir.clone(),
            file: a.file.clone(),
            text,
            diags: &mut *diags,
        };
        let lesson = &mut a.lesson;
        for layer in [&mut lesson.why, &mut lesson.what, &mut lesson.how] {
            place.walk(layer);
        }
        let stem = a
            .file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        for (tag, t) in lesson.locales.iter_mut() {
            let file = ["md", "json"]
                .iter()
                .map(|ext| a.file.with_file_name(format!("{stem}.{tag}.{ext}")))
                .find(|f| fs.is_file(f) && translation_name(f).is_some());
            if let Some(file) = file {
                place.text = super::files::read_text(fs, &file).unwrap_or_default();
                place.file = file;
            }
            for layer in [&mut t.why, &mut t.what, &mut t.how].into_iter().flatten() {
                place.walk(layer);
            }
        }
    }
}

/// The local files a built pack uses, relative to its folder, each once: what `pathlight
/// build` copies beside it.
pub fn local_files(pack: &Pack) -> Vec<String> {
    let mut files = BTreeSet::new();
    let mut pack = pack.clone();
    pack.each_media_url(&mut |url: &mut String| {
        if let Some(Ok(path)) = local(url) {
            files.insert(path);
        }
    });
    files.into_iter().collect()
}

/// The width and height of a PNG, JPEG or WebP image, from its header.
pub fn image_size(bytes: &[u8]) -> Option<(u16, u16)> {
    let be16 = |i: usize| Some(u16::from_be_bytes([*bytes.get(i)?, *bytes.get(i + 1)?]));
    let le16 = |i: usize| Some(u16::from_le_bytes([*bytes.get(i)?, *bytes.get(i + 1)?]));
    let be32 = |i: usize| {
        let b = bytes.get(i..i + 4)?;
        u16::try_from(u32::from_be_bytes([b[0], b[1], b[2], b[3]])).ok()
    };
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some((be32(16)?, be32(20)?));
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        let le24 = |i: usize| -> Option<u32> {
            let b = bytes.get(i..i + 3)?;
            Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
        };
        return match bytes.get(12..16)? {
            b"VP8X" => Some((
                u16::try_from(le24(24)? + 1).ok()?,
                u16::try_from(le24(27)? + 1).ok()?,
            )),
            b"VP8 " => Some((le16(26)? & 0x3fff, le16(28)? & 0x3fff)),
            b"VP8L" => {
                let b = bytes.get(21..25)?;
                let bits = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                Some((
                    ((bits & 0x3fff) + 1) as u16,
                    (((bits >> 14) & 0x3fff) + 1) as u16,
                ))
            }
            _ => None,
        };
    }
    if bytes.starts_with(&[0xff, 0xd8]) {
        let mut i = 2;
        while i + 9 < bytes.len() {
            if bytes[i] != 0xff {
                return None;
            }
            let marker = bytes[i + 1];
            let length = usize::from(be16(i + 2)?);
            // Start of frame, in any of its kinds (not DHT, JPG, DAC).
            if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
                return Some((be16(i + 7)?, be16(i + 5)?));
            }
            i += 2 + length;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_media_stay_inside_the_pack() {
        assert_eq!(
            local("clips/a%20b.webm?v=1"),
            Some(Ok("clips/a b.webm".into()))
        );
        assert_eq!(local("../secret.webm"), Some(Err(())));
        assert_eq!(local("clips/../../x.png"), Some(Err(())));
        assert_eq!(local("/root.png"), None);
        assert_eq!(local("https://cdn.example/a.webm"), None);
    }

    #[test]
    fn image_sizes_are_read_from_png_jpeg_and_webp_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend([0, 0, 2, 128, 0, 0, 1, 104]);
        assert_eq!(image_size(&png), Some((640, 360)));
        let jpeg = [
            0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 1, 104, 2, 128, 3, 0, 0, 0,
        ];
        assert_eq!(image_size(&jpeg), Some((640, 360)));
        let mut webp = b"RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0".to_vec();
        webp.extend([127, 2, 0, 103, 1, 0]);
        assert_eq!(image_size(&webp), Some((640, 360)));
        assert_eq!(image_size(b"GIF89a"), None);
    }
}
