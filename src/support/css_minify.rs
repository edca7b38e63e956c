//! Minifies the widget's and author mode's stylesheets at build time (`build.rs` includes
//! this file): comments and layout whitespace are a fifth of their bytes. Quoted strings are
//! kept exactly.

/// The stylesheet without comments and with only the whitespace CSS needs.
pub fn minify(css: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Bug pinned: a minifier that changes meaning (descendant combinators, strings, calc).
    #[test]
    fn keeps_what_css_needs_and_drops_the_rest() {
        let css = "/* note */\n.a  .b:hover ,\n.c > .d {\n  content: \"  x  \";\n  width: calc(100% - 8px);\n}\n";
        assert_eq!(
            minify(css),
            ".a .b:hover,.c>.d{content: \"  x  \";width: calc(100% - 8px);}"
        );
    }
}
