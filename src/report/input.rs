//! Files of records, streamed: bytes come in chunks of any size (read from the disk by the
//! native CLI, handed over by Node for `npx`), are gunzipped when the file starts with
//! gzip's magic bytes whatever its name, and are cut into lines that are counted as they
//! come. Nothing but a partial line is kept between chunks.

use super::record::{self, Read};
use super::tally::Tally;
use flate2::write::MultiGzDecoder;
use std::io::{self, Write};

/// How many malformed lines are named one by one before the rest are only counted.
pub const NAMED_PROBLEMS: usize = 5;

/// What was wrong with the input: never fatal, reported at the end.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Problems {
    /// Lines that were not records.
    pub malformed: u64,
    /// `file:line: why` for the first few of them, and files that could not be read whole.
    pub named: Vec<String>,
    /// Records skipped: other versions, events the report does not know, other packs.
    pub skipped: u64,
}

/// Lines of one file at a time, counted into a [`Tally`].
#[derive(Default)]
struct Lines {
    tally: Tally,
    problems: Problems,
    /// Only records of this pack are counted, when a pack is given.
    pack: Option<String>,
    file: String,
    line: u64,
    partial: Vec<u8>,
}

impl Lines {
    fn take(&mut self, line: &[u8]) {
        self.line += 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match record::read(line) {
            Read::Record(r) => {
                let other_pack =
                    matches!((&self.pack, &r.pack), (Some(want), Some(got)) if want != got);
                if other_pack {
                    self.problems.skipped += 1;
                } else {
                    self.tally.add(&r);
                }
            }
            Read::Skipped => {
                if !line.iter().all(u8::is_ascii_whitespace) {
                    self.problems.skipped += 1;
                }
            }
            Read::Malformed(why) => {
                self.problems.malformed += 1;
                if self.problems.named.len() < NAMED_PROBLEMS {
                    let named = format!("{}:{}: {why}", self.file, self.line);
                    self.problems.named.push(named);
                }
            }
        }
    }

    /// The last line, which has no line break.
    fn end(&mut self) {
        if !self.partial.is_empty() {
            let last = std::mem::take(&mut self.partial);
            self.take(&last);
        }
    }
}

impl Write for Lines {
    fn write(&mut self, mut buf: &[u8]) -> io::Result<usize> {
        let len = buf.len();
        if !self.partial.is_empty() {
            let Some(end) = memchr::memchr(b'\n', buf) else {
                self.partial.extend_from_slice(buf);
                return Ok(len);
            };
            self.partial.extend_from_slice(&buf[..end]);
            let line = std::mem::take(&mut self.partial);
            self.take(&line);
            // Keep the allocation for the next partial line.
            self.partial = line;
            self.partial.clear();
            buf = &buf[end + 1..];
        }
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', buf) {
            self.take(&buf[start..end]);
            start = end + 1;
        }
        self.partial.extend_from_slice(&buf[start..]);
        Ok(len)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

enum Mode {
    /// The first bytes of a file, until there are two to tell gzip by.
    Start(Vec<u8>),
    Plain,
    Gzip(Box<MultiGzDecoder<Lines>>),
    /// The gzip stream broke: the rest of the file is skipped.
    Broken,
}

/// Reads files of records chunk by chunk into a [`Tally`].
pub struct Reader {
    lines: Option<Lines>,
    mode: Mode,
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

impl Reader {
    /// A reader counting only records of the pack `pack` (and those that name no pack), or
    /// every record.
    pub fn new(pack: Option<&str>) -> Reader {
        Reader {
            lines: Some(Lines {
                tally: Tally::default(),
                problems: Problems::default(),
                pack: pack.map(str::to_owned),
                file: String::new(),
                line: 0,
                partial: Vec::new(),
            }),
            mode: Mode::Plain,
        }
    }

    /// Starts the file named `file` (for warnings).
    pub fn start(&mut self, file: &str) {
        self.end_file();
        let lines = self.lines_mut();
        lines.file = file.to_owned();
        lines.line = 0;
        self.mode = Mode::Start(Vec::new());
    }

    fn lines_mut(&mut self) -> &mut Lines {
        match &mut self.mode {
            Mode::Gzip(gz) => gz.get_mut(),
            _ => self
                .lines
                .as_mut()
                .expect("lines are here unless gunzipping"),
        }
    }

    /// The next bytes of the current file.
    pub fn push(&mut self, chunk: &[u8]) {
        if let Mode::Start(head) = &mut self.mode {
            head.extend_from_slice(chunk);
            if head.len() < GZIP_MAGIC.len() {
                return;
            }
            let head = std::mem::take(head);
            if head[..2] == GZIP_MAGIC {
                let lines = self.lines.take().expect("a file starts with its lines");
                self.mode = Mode::Gzip(Box::new(MultiGzDecoder::new(lines)));
            } else {
                self.mode = Mode::Plain;
            }
            return self.push(&head);
        }
        match &mut self.mode {
            Mode::Plain => {
                let _ = self.lines_mut().write(chunk);
            }
            Mode::Gzip(gz) => {
                if let Err(e) = gz.write_all(chunk) {
                    if let Mode::Gzip(gz) = std::mem::replace(&mut self.mode, Mode::Plain) {
                        self.ungzip(gz, Some(e));
                    }
                }
            }
            Mode::Start(_) | Mode::Broken => {}
        }
    }

    /// The lines back from a gzip decoder, with a warning if the stream broke: what was
    /// read up to there is kept.
    fn ungzip(&mut self, mut gz: Box<MultiGzDecoder<Lines>>, broke: Option<io::Error>) {
        let mut lines = std::mem::take(gz.get_mut());
        if let Some(e) = broke {
            let named = format!(
                "{}: the gzip data is broken after line {} ({e}): the rest of the file is skipped",
                lines.file, lines.line
            );
            lines.problems.named.push(named);
            self.mode = Mode::Broken;
        }
        self.lines = Some(lines);
    }

    /// Ends the current file: its last line is counted.
    pub fn end_file(&mut self) {
        match std::mem::replace(&mut self.mode, Mode::Plain) {
            Mode::Start(head) => {
                let _ = self.lines_mut().write(&head);
            }
            Mode::Gzip(mut gz) => {
                let result = gz.try_finish();
                self.ungzip(gz, result.err());
            }
            Mode::Plain | Mode::Broken => {}
        }
        self.mode = Mode::Plain;
        self.lines_mut().end();
    }

    /// Everything counted, and what was wrong.
    pub fn finish(mut self) -> (Tally, Problems) {
        self.end_file();
        let lines = self.lines.take().expect("no file is open after end_file");
        (lines.tally, lines.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const LOG: &str = "{\"v\":1,\"t\":5,\"type\":\"opened\",\"detail\":{\"lesson\":\"a\"},\"learner\":\"ann\"}\r\n\
        \n\
        {\"v\":1,\"t\":6,\"type\":\"opened\",\"detail\":{\"lesson\":\"b\"},\"learner\":\"bob\"}\n\
        oops\n\
        {\"v\":1,\"t\":7,\"type\":\"completed\",\"detail\":{\"lesson\":\"a\"},\"learner\":\"cat\"}";

    /// (records, learners, lessons, malformed) after reading `bytes` in chunks of `size`.
    fn read_in_chunks(bytes: &[u8], size: usize) -> (u64, usize, usize, u64) {
        let mut reader = Reader::new(None);
        reader.start("log");
        for chunk in bytes.chunks(size) {
            reader.push(chunk);
        }
        let (tally, problems) = reader.finish();
        (
            tally.records,
            tally.learners.len(),
            tally.lessons.len(),
            problems.malformed,
        )
    }

    #[test]
    fn lines_are_the_same_whatever_the_chunks_plain_or_gzip() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(LOG.as_bytes()).unwrap();
        let zipped = gz.finish().unwrap();
        for bytes in [LOG.as_bytes(), &zipped] {
            for size in [1, 2, 3, 7, 64, 1 << 20] {
                assert_eq!(
                    read_in_chunks(bytes, size),
                    (3, 3, 2, 1),
                    "chunks of {size}"
                );
            }
        }
    }

    #[test]
    fn a_malformed_line_is_named_by_file_and_line() {
        let mut reader = Reader::new(None);
        reader.start("first");
        reader.push(b"x\n");
        reader.start("second");
        reader.push(b"\n\ny");
        let (_, problems) = reader.finish();
        assert_eq!(problems.malformed, 2);
        assert!(problems.named[0].starts_with("first:1: "), "{problems:?}");
        assert!(problems.named[1].starts_with("second:3: "), "{problems:?}");
    }
}
