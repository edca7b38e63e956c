//! The JSON parser (RFC 8259), with the line and column of the first mistake.

use super::Json;
use std::fmt;

/// Nesting deeper than this is refused rather than risking the stack; no pack comes close.
const MAX_DEPTH: u32 = 128;

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Line of the error, from 1.
    pub line: usize,
    /// Column of the error, from 1.
    pub column: usize,
    /// What is wrong there.
    pub message: &'static str,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// Parses one JSON text; anything but whitespace after the value is an error.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut p = Parser {
        text,
        at: 0,
        depth: 0,
    };
    let value = p.value()?;
    p.space();
    if p.at < text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.text.as_bytes()[..self.at.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        SyntaxError {
            line,
            column: self.at - line_start + 1,
            message,
        }
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += found as usize;
        found
    }

    fn value(&mut self) -> Result<Json, SyntaxError> {
        self.space();
        match self.peek() {
            Some(b'n') => self.word("null", Json::Null),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(Parser::array),
            Some(b'{') => self.nested(Parser::object),
            None => Err(self.error("unexpected end of the text")),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn word(&mut self, word: &'static str, value: Json) -> Result<Json, SyntaxError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Json, SyntaxError>,
    ) -> Result<Json, SyntaxError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Json, SyntaxError> {
        let mut items = Vec::new();
        self.space();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.space();
            if self.eat(b']') {
                // Most lists and objects in a pack are short; growth slack would double
                // the tree's memory while a large pack loads.
                items.shrink_to_fit();
                return Ok(Json::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or `]`"));
            }
        }
    }

    fn object(&mut self) -> Result<Json, SyntaxError> {
        let mut members = Vec::new();
        self.space();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name in quotes"));
            }
            let key = self.string()?;
            self.space();
            if !self.eat(b':') {
                return Err(self.error("expected `:`"));
            }
            members.push((key, self.value()?));
            self.space();
            if self.eat(b'}') {
                members.shrink_to_fit();
                return Ok(Json::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or `}`"));
            }
        }
    }

    fn number(&mut self) -> Result<Json, SyntaxError> {
        let start = self.at;
        self.eat(b'-');
        let digits = |p: &mut Self| {
            let from = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at - from
        };
        if self.eat(b'0') {
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("a number cannot start with 0"));
            }
        } else if digits(self) == 0 {
            return Err(self.error("expected a digit"));
        }
        if self.eat(b'.') && digits(self) == 0 {
            return Err(self.error("expected a digit after `.`"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if digits(self) == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        match decimal(&self.text[start..self.at]) {
            Some(x) if x.is_finite() => Ok(Json::Number(x)),
            _ => Err(self.error("number out of range")),
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            out.push_str(&self.text[run..self.at]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    return Err(
                        self.error("control character in text; write it as \\n, \\t or \\u00XX")
                    )
                }
                None => return Err(self.error("unterminated text")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(byte) = self.peek() else {
            return Err(self.error("unterminated text"));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                // A lone surrogate (which `JSON.stringify` writes for broken text) reads as
                // U+FFFD rather than failing a whole pack or progress record.
                if (0xD800..0xDC00).contains(&high) && self.text[self.at..].starts_with("\\u") {
                    let back = self.at;
                    self.at += 2;
                    let low = self.hex4()?;
                    if (0xDC00..0xE000).contains(&low) {
                        let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                        return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
                    }
                    self.at = back;
                }
                char::from_u32(high).unwrap_or('\u{FFFD}')
            }
            _ => return Err(self.error("unknown escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or("");
        match u32::from_str_radix(digits, 16) {
            Ok(n) if digits.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.at += 4;
                Ok(n)
            }
            _ => Err(self.error("expected four hex digits after \\u")),
        }
    }
}

/// The value of a decimal number's text such as `-12.5e3` or `.25`: exact for whole numbers
/// below 2^53 and for up to 15 significant digits with an exponent within ±22 (every
/// number a pack or progress holds), right to 14 significant digits beyond. The
/// standard library's parser is exact everywhere, but brings a 10 KB table into the wasm.
pub fn decimal(text: &str) -> Option<f64> {
    const EXACT_POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (number, exponent) = match text.find(['e', 'E']) {
        Some(e) => (&text[..e], Some(&text[e + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) {
        return None;
    }
    // Digits past the 19th cannot change an f64 by more than rounding does; drop them.
    let mut mantissa: u64 = 0;
    let mut scale: i32 = 0;
    for (b, in_fraction) in whole
        .bytes()
        .map(|b| (b, false))
        .chain(fraction.bytes().map(|b| (b, true)))
    {
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            scale -= in_fraction as i32;
        } else {
            scale += !in_fraction as i32;
        }
    }
    if let Some(e) = exponent {
        let (sign, e) = match e.as_bytes().first() {
            Some(b'-') => (-1, &e[1..]),
            Some(b'+') => (1, &e[1..]),
            _ => (1, e),
        };
        if e.is_empty() || !digits(e) {
            return None;
        }
        // Saturates: any exponent past a few hundred is infinity or zero anyway.
        let e = e
            .bytes()
            .fold(0i32, |n, b| (n * 10 + i32::from(b - b'0')).min(100_000));
        scale += sign * e;
    }
    let m = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if mantissa < 1 << 53 && (0..=22).contains(&scale) {
        m * EXACT_POWERS[scale as usize]
    } else if mantissa < 1 << 53 && (-22..0).contains(&scale) {
        m / EXACT_POWERS[-scale as usize]
    } else if scale < -300 {
        // In two steps, so that 10^scale does not vanish before the mantissa lifts it.
        m * 10f64.powi(scale + 300) * 1e-300
    } else {
        m * 10f64.powi(scale)
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5e2, true, false, null], "b": "x\"\u00e9\ud83d\ude00"} "#)
            .unwrap();
        assert_eq!(
            v,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Number(1.0),
                        Json::Number(-250.0),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null
                    ])
                ),
                ("b".into(), Json::from("x\"é😀")),
            ])
        );
    }

    #[test]
    fn says_where_the_mistake_is() {
        let e = parse("{\n  \"a\": 1\n  \"b\": 2}").unwrap_err();
        assert_eq!((e.line, e.column, e.message), (3, 3, "expected `,` or `}`"));
        assert_eq!(e.to_string(), "expected `,` or `}` at line 3 column 3");
    }

    /// Bug pinned: a deeply nested text overflowing the stack instead of being refused.
    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    }

    #[test]
    fn a_lone_surrogate_reads_as_the_replacement_character() {
        assert_eq!(parse(r#""a\ud800b""#).unwrap(), Json::from("a\u{FFFD}b"));
    }

    #[test]
    fn decimals_are_exact_where_packs_and_progress_need_them() {
        for text in [
            "0",
            "-0",
            "7",
            "1764000000000",
            "9007199254740991",
            "0.25",
            "2.5",
            "-12.75e2",
            "1E-5",
            ".5",
            "123456789012345e-20",
            "3.14159",
        ] {
            assert_eq!(decimal(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in ["", "-", ".", "1e", "1e+", "1.2.3", "a", "1x", "--1"] {
            assert_eq!(decimal(text), None, "{text}");
        }
        assert_eq!(decimal("1e400"), Some(f64::INFINITY));
        assert_eq!(decimal("1e-400"), Some(0.0));
    }

    proptest! {
        /// Bug pinned: a number read back far from what `JSON.stringify` (or Rust) wrote.
        #[test]
        fn any_written_double_reads_back_to_14_digits(x in any::<f64>().prop_filter("normal", |x| x.is_normal())) {
            for text in [format!("{x}"), format!("{x:e}"), format!("{x:?}")] {
                let back = decimal(&text).unwrap();
                prop_assert!(((back - x) / x).abs() < 1e-14, "{text}: read {back}");
            }
        }

        /// Bug pinned: a short decimal (a bound, a trait, a fraction of a second) read inexactly.
        #[test]
        fn short_decimals_are_exact(n in -999_999_999_999_999i64..999_999_999_999_999, e in -22i32..=22) {
            let text = format!("{n}e{e}");
            prop_assert_eq!(decimal(&text), text.parse::<f64>().ok());
        }

        /// Bug pinned: whole numbers (counts, timestamps) read back anything but exactly.
        #[test]
        fn whole_numbers_below_2_53_are_exact(n in -(1i64 << 53)..(1i64 << 53)) {
            prop_assert_eq!(decimal(&n.to_string()), Some(n as f64));
        }

        /// Bug pinned: our parser accepting what JSON forbids, or refusing what it allows.
        /// serde_json is the reference.
        #[test]
        fn accepts_exactly_what_serde_json_accepts(text in r#"[\[\]{}":,0-9eE.+\- a-z\\]{0,24}"#) {
            // Lone surrogates are the one place we are deliberately more lenient.
            prop_assume!(!text.contains("\\u"));
            prop_assert_eq!(parse(&text).is_ok(), serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{}", text);
        }

        #[test]
        fn never_panics(text in any::<String>()) {
            let _ = parse(&text);
        }
    }
}
