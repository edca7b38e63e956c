//! Minifies the widget's stylesheet for the wasm, which embeds it: comments and layout
//! whitespace are a third of its bytes. Quoted strings are kept exactly as written.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=style/widget.css");
    let css = std::fs::read_to_string("style/widget.css").expect("style/widget.css is readable");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("widget.min.css"), minify(&css)).expect("OUT_DIR is writable");
}

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            '"' | '\'' => {
                flush(&mut out, &mut space, c);
                out.push(c);
                for s in chars.by_ref() {
                    out.push(s);
                    if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                flush(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the pending space unless punctuation on either side makes it meaningless. A space
/// before `:` is kept, as `a :hover` differs from `a:hover`.
fn flush(out: &mut String, space: &mut bool, next: char) {
    const TIGHT: &[char] = &['{', '}', ';', ',', '>'];
    if std::mem::take(space) && !out.is_empty() && !out.ends_with(TIGHT) && !TIGHT.contains(&next) {
        out.push(' ');
    }
}
