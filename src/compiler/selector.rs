//! CSS selector syntax, checked when a pack is built.
//!
//! The browser refuses an invalid selector silently from the widget's point of view: the
//! anchor just never appears. So the CLI checks the grammar authors actually use (type,
//! `#id`, `.class`, `[attr op "value" i]`, pseudo-classes with their arguments, the four
//! combinators and comma lists) and says where a selector goes wrong.

/// Checks that `selector` is a valid selector list that can match elements.
pub fn check(selector: &str) -> Result<(), String> {
    let mut p = Parser {
        chars: selector.chars().collect(),
        at: 0,
    };
    if selector.trim().is_empty() {
        return Err("the selector is empty".into());
    }
    p.list(false, None)?;
    match p.peek() {
        None => Ok(()),
        Some(c) => Err(p.unexpected(c)),
    }
}

const PSEUDO_CLASSES: &[&str] = &[
    "active",
    "any-link",
    "autofill",
    "buffering",
    "checked",
    "current",
    "default",
    "defined",
    "disabled",
    "empty",
    "enabled",
    "first-child",
    "first-of-type",
    "focus",
    "focus-visible",
    "focus-within",
    "fullscreen",
    "future",
    "hover",
    "in-range",
    "indeterminate",
    "invalid",
    "last-child",
    "last-of-type",
    "link",
    "local-link",
    "modal",
    "muted",
    "only-child",
    "only-of-type",
    "open",
    "optional",
    "out-of-range",
    "past",
    "paused",
    "picture-in-picture",
    "placeholder-shown",
    "playing",
    "popover-open",
    "read-only",
    "read-write",
    "required",
    "root",
    "scope",
    "seeking",
    "stalled",
    "target",
    "target-within",
    "user-invalid",
    "user-valid",
    "valid",
    "visited",
    "volume-locked",
];

/// Pseudo-elements, including the legacy single-colon ones: they never match an element.
const PSEUDO_ELEMENTS: &[&str] = &[
    "after",
    "backdrop",
    "before",
    "cue",
    "file-selector-button",
    "first-letter",
    "first-line",
    "grammar-error",
    "highlight",
    "marker",
    "part",
    "placeholder",
    "selection",
    "slotted",
    "spelling-error",
    "target-text",
    "view-transition",
];

struct Parser {
    chars: Vec<char>,
    at: usize,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || !c.is_ascii()
}

fn is_name(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == '-'
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.at + n).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        self.at += usize::from(found);
        found
    }

    fn spaces(&mut self) -> bool {
        let start = self.at;
        while self.peek().is_some_and(is_space) {
            self.at += 1;
        }
        self.at > start
    }

    fn unexpected(&self, c: char) -> String {
        format!("unexpected `{c}` at character {}", self.at + 1)
    }

    /// A comma-separated list of complex selectors, up to `end` (a closing parenthesis) or
    /// the end of the text. `relative` lists (inside `:has()`) may start with a combinator.
    fn list(&mut self, relative: bool, end: Option<char>) -> Result<(), String> {
        loop {
            self.spaces();
            self.complex(relative, end)?;
            if !self.eat(',') {
                return Ok(());
            }
        }
    }

    fn complex(&mut self, relative: bool, end: Option<char>) -> Result<(), String> {
        if relative && matches!(self.peek(), Some('>' | '+' | '~')) {
            self.at += 1;
            self.spaces();
        }
        loop {
            self.compound(end)?;
            let spaced = self.spaces();
            match self.peek() {
                None | Some(',') => return Ok(()),
                c if c == end => return Ok(()),
                Some(c @ ('>' | '+' | '~')) => {
                    self.at += 1;
                    self.spaces();
                    match self.peek() {
                        Some(next @ ('>' | '+' | '~')) => {
                            return Err(format!(
                                "two combinators in a row (`{c}` then `{next}`) at character {}",
                                self.at + 1
                            ))
                        }
                        None | Some(',') => {
                            return Err(format!("the combinator `{c}` has no selector after it"))
                        }
                        next if next == end => {
                            return Err(format!("the combinator `{c}` has no selector after it"))
                        }
                        _ => {}
                    }
                }
                Some(_) if spaced => {}
                Some(c) => return Err(self.unexpected(c)),
            }
        }
    }

    /// One compound selector: an optional type or `*`, then ids, classes, attributes and
    /// pseudo-classes, with nothing between them.
    fn compound(&mut self, end: Option<char>) -> Result<(), String> {
        let start = self.at;
        if !self.eat('*') && self.ident_ahead() {
            self.ident()?;
        }
        loop {
            match self.peek() {
                Some('#') => {
                    self.at += 1;
                    if !self.ident_ahead() {
                        return Err(format!(
                            "`#` at character {} must be followed by an id that starts with a letter, `_` or `-`; for other ids write `[id=\"…\"]`",
                            self.at
                        ));
                    }
                    self.ident()?;
                }
                Some('.') => {
                    self.at += 1;
                    if !self.ident_ahead() {
                        return Err(format!(
                            "`.` at character {} must be followed by a class name",
                            self.at
                        ));
                    }
                    self.ident()?;
                }
                Some('[') => self.attribute()?,
                Some(':') => self.pseudo()?,
                _ => break,
            }
        }
        if self.at > start {
            return Ok(());
        }
        Err(match self.peek() {
            None if start == 0 => "the selector is empty".into(),
            None if end.is_some() => "a `(` is never closed with `)`".into(),
            None => "the selector ends where a selector is expected".into(),
            Some(',') => format!("an empty selector before `,` at character {}", self.at + 1),
            Some(c @ ('>' | '+' | '~')) => format!(
                "the combinator `{c}` at character {} has no selector before it",
                self.at + 1
            ),
            c if c == end => format!("empty parentheses at character {}", self.at + 1),
            Some(c) => self.unexpected(c),
        })
    }

    fn ident_ahead(&self) -> bool {
        let escape = |c: Option<char>, next: Option<char>| {
            c == Some('\\') && next.is_some_and(|n| n != '\n')
        };
        match self.peek() {
            Some('-') => {
                let next = self.peek_at(1);
                next.is_some_and(|c| is_name_start(c) || c == '-') || escape(next, self.peek_at(2))
            }
            Some(c) => is_name_start(c) || escape(Some(c), self.peek_at(1)),
            None => false,
        }
    }

    /// An identifier, escapes included; the caller checked that one starts here.
    fn ident(&mut self) -> Result<String, String> {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if c == '\\' {
                self.at += 1;
                match self.peek() {
                    None | Some('\n') => {
                        return Err(format!("a `\\` at character {} escapes nothing", self.at))
                    }
                    Some(h) if h.is_ascii_hexdigit() => {
                        let mut n = 0;
                        while n < 6 && self.peek().is_some_and(|h| h.is_ascii_hexdigit()) {
                            self.at += 1;
                            n += 1;
                        }
                        if self.peek().is_some_and(is_space) {
                            self.at += 1;
                        }
                    }
                    Some(e) => {
                        name.push(e);
                        self.at += 1;
                    }
                }
            } else if is_name(c) {
                name.push(c);
                self.at += 1;
            } else {
                break;
            }
        }
        Ok(name)
    }

    fn string(&mut self) -> Result<(), String> {
        let start = self.at;
        let quote = self.chars[start];
        self.at += 1;
        loop {
            match self.peek() {
                None => {
                    return Err(format!(
                        "the string opened with {quote} at character {} is never closed",
                        start + 1
                    ))
                }
                Some('\n') => {
                    return Err(format!(
                        "the string opened at character {} runs past the end of the line",
                        start + 1
                    ))
                }
                Some('\\') => self.at += 2,
                Some(c) => {
                    self.at += 1;
                    if c == quote {
                        return Ok(());
                    }
                }
            }
        }
    }

    fn attribute(&mut self) -> Result<(), String> {
        let open = self.at + 1;
        let unclosed = || format!("the `[` at character {open} is never closed with `]`");
        self.at += 1;
        self.spaces();
        if !self.ident_ahead() {
            return Err(match self.peek() {
                None => unclosed(),
                _ => format!("`[` at character {open} must be followed by an attribute name"),
            });
        }
        self.ident()?;
        self.spaces();
        match self.peek() {
            Some(']') => {
                self.at += 1;
                return Ok(());
            }
            Some('=') => self.at += 1,
            Some('~' | '|' | '^' | '$' | '*') if self.peek_at(1) == Some('=') => self.at += 2,
            None => return Err(unclosed()),
            Some(c) => {
                return Err(format!(
                    "{} in the attribute selector; the operators are =, ~=, |=, ^=, $= and *=",
                    self.unexpected(c)
                ))
            }
        }
        self.spaces();
        match self.peek() {
            Some('"' | '\'') => self.string()?,
            _ if self.ident_ahead() => {
                self.ident()?;
            }
            None => return Err(unclosed()),
            Some(_) => {
                return Err(format!(
                    "the attribute value at character {} must be quoted, e.g. [data-pathlight=\"billing.export\"]",
                    self.at + 1
                ))
            }
        }
        self.spaces();
        if self
            .peek()
            .is_some_and(|c| matches!(c, 'i' | 'I' | 's' | 'S'))
            && !self.peek_at(1).is_some_and(is_name)
        {
            self.at += 1;
            self.spaces();
        }
        match self.peek() {
            Some(']') => {
                self.at += 1;
                Ok(())
            }
            None => Err(unclosed()),
            Some(_) => Err(format!(
                "the attribute value before character {} must be quoted as a whole, e.g. [title=\"Export all\"]",
                self.at + 1
            )),
        }
    }

    fn pseudo(&mut self) -> Result<(), String> {
        let colon = self.at + 1;
        self.at += 1;
        let element = self.eat(':');
        if !self.ident_ahead() {
            return Err(format!(
                "`:` at character {colon} must be followed by a pseudo-class name"
            ));
        }
        let name = self.ident()?.to_ascii_lowercase();
        let function = self.eat('(');
        if element || PSEUDO_ELEMENTS.contains(&name.as_str()) {
            return Err(format!(
                "`::{name}` is a pseudo-element: it never matches an element, so it cannot anchor a lesson; select the element itself"
            ));
        }
        if name.starts_with("-webkit-") || name.starts_with("-moz-") {
            return if function {
                self.balanced(colon)
            } else {
                Ok(())
            };
        }
        if !function {
            return match name.as_str() {
                n if PSEUDO_CLASSES.contains(&n) => Ok(()),
                "not" | "is" | "where" | "has" | "nth-child" | "nth-last-child" | "nth-of-type"
                | "nth-last-of-type" | "lang" | "dir" => Err(format!(
                    "`:{name}` at character {colon} needs arguments in parentheses"
                )),
                _ => Err(format!(
                    "unknown pseudo-class `:{name}` at character {colon}"
                )),
            };
        }
        match name.as_str() {
            "not" | "is" | "where" => self.list(false, Some(')'))?,
            "has" => self.list(true, Some(')'))?,
            "nth-child" | "nth-last-child" => {
                self.nth()?;
                if self.peek().is_some_and(|c| c == 'o' || c == 'O') && self.ident_ahead() {
                    let word_start = self.at;
                    if self.ident()?.eq_ignore_ascii_case("of") && self.spaces() {
                        self.list(false, Some(')'))?;
                    } else {
                        self.at = word_start;
                    }
                }
            }
            "nth-of-type" | "nth-last-of-type" => self.nth()?,
            "lang" | "dir" | "state" => return self.balanced(colon),
            _ => {
                return Err(format!(
                    "unknown pseudo-class `:{name}()` at character {colon}"
                ))
            }
        }
        self.spaces();
        if self.eat(')') {
            Ok(())
        } else {
            Err(match self.peek() {
                None => format!("the `(` of `:{name}` is never closed with `)`"),
                Some(c) => format!("{} in `:{name}()`", self.unexpected(c)),
            })
        }
    }

    /// An `An+B` argument: `odd`, `even`, `3`, `2n+1`, `-n + 3`.
    fn nth(&mut self) -> Result<(), String> {
        self.spaces();
        let start = self.at;
        let word: String = self.chars[self.at..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        if word == "odd" || word == "even" {
            self.at += word.len();
            self.spaces();
            return Ok(());
        }
        let invalid = |at: usize| {
            format!(
                "invalid `An+B` argument at character {}: write e.g. `2n+1`, `odd` or `3`",
                at + 1
            )
        };
        let digits = |p: &mut Parser| {
            let from = p.at;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.at += 1;
            }
            p.at > from
        };
        if matches!(self.peek(), Some('+' | '-')) {
            self.at += 1;
        }
        let a = digits(self);
        if self.eat('n') || self.eat('N') {
            self.spaces();
            if matches!(self.peek(), Some('+' | '-')) {
                self.at += 1;
                self.spaces();
                if !digits(self) {
                    return Err(invalid(start));
                }
            }
        } else if !a {
            return Err(invalid(start));
        }
        self.spaces();
        Ok(())
    }

    /// Arguments this checker does not parse (`:lang(en, "fr")`): quotes and parentheses
    /// must still balance.
    fn balanced(&mut self, colon: usize) -> Result<(), String> {
        let mut depth = 1;
        while depth > 0 {
            match self.peek() {
                None => {
                    return Err(format!(
                        "the `(` after character {colon} is never closed with `)`"
                    ))
                }
                Some('"' | '\'') => self.string()?,
                Some(c) => {
                    depth += i32::from(c == '(') - i32::from(c == ')');
                    self.at += 1;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn the_selectors_authors_write_are_valid() {
        for ok in [
            "#export",
            "button.primary",
            "[data-pathlight=\"billing.export\"]",
            "[data-pathlight='a b' i]",
            "[data-testid=export]",
            "[disabled]",
            "a[href^=\"https://\"]",
            "nav > ul li + li ~ li",
            "main   .card>.title",
            "h1, h2 , .title",
            "*",
            "*.x",
            "input:not([type=\"hidden\"]):focus-visible",
            ":is(header, footer) a:hover",
            ".row:has(> input:checked)",
            "li:nth-child(2n+1)",
            "li:nth-child( -n + 3 )",
            "li:nth-last-of-type(odd)",
            "li:nth-child(2 of .important)",
            ":lang(en)",
            "-webkit-thing",
            ".\\31 23",
            "#a\\:b",
            "td:-webkit-any(a, b)",
            "é.café",
            "div\n.x",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn malformed_selectors_are_refused_with_a_reason() {
        for (bad, why) in [
            ("", "empty"),
            ("  ", "empty"),
            ("div >> span", "two combinators"),
            ("div >", "no selector after"),
            ("> div", "no selector before"),
            ("a,", "ends where"),
            ("a,,b", "empty selector before `,`"),
            (", a", "empty selector before `,`"),
            ("[data-x", "never closed"),
            ("[data-x=\"a]", "never closed"),
            ("[data-pathlight=billing.export]", "quoted as a whole"),
            ("[href=/x]", "must be quoted"),
            ("[=x]", "attribute name"),
            ("[a!=b]", "operators"),
            ("a[b]]", "unexpected `]`"),
            ("#1abc", "starts with a letter"),
            (".", "class name"),
            ("div:hvoer", "unknown pseudo-class"),
            ("a::before", "pseudo-element"),
            ("a:after", "pseudo-element"),
            ("a:not(", "never closed"),
            ("a:not()", "empty parentheses"),
            ("a:not", "needs arguments"),
            (":nth-child(2n+)", "An+B"),
            (":nth-child(x)", "An+B"),
            ("a)", "unexpected `)`"),
            ("a\\", "escapes nothing"),
            ("div | span", "unexpected `|`"),
            (":lang(en", "never closed"),
        ] {
            let err = check(bad).expect_err(bad);
            assert!(err.contains(why), "{bad:?}: {err}");
        }
    }

    mod properties {
        use super::super::check;
        use proptest::collection::vec;
        use proptest::prelude::*;

        /// A compound selector built from the grammar, so always valid.
        fn compound() -> impl Strategy<Value = String> {
            let simple = prop_oneof![
                "[a-z][a-z0-9-]{0,5}".prop_map(|c| format!(".{c}")),
                "[a-z][a-z0-9_]{0,5}".prop_map(|id| format!("#{id}")),
                ("[a-z][a-z-]{0,6}", "[ -~&&[^\"\\\\]]{0,8}")
                    .prop_map(|(attr, value)| format!("[{attr}=\"{value}\"]")),
                Just(":hover".to_string()),
                Just(":nth-child(2n+1)".to_string()),
                Just(":not(.hidden)".to_string()),
            ];
            ("(div|button|a|li|\\*)?", vec(simple, 0..3)).prop_filter_map(
                "empty compound",
                |(tag, rest)| {
                    let s = format!("{tag}{}", rest.concat());
                    (!s.is_empty()).then_some(s)
                },
            )
        }

        proptest! {
            #[test]
            fn no_text_makes_the_checker_panic(text in any::<String>()) {
                let _ = check(&text);
            }

            #[test]
            fn no_selector_like_text_makes_the_checker_panic(
                text in "[a-z#.\\[\\]()=\"' >+~,:*\\\\0-9|^$-]{0,30}"
            ) {
                let _ = check(&text);
            }

            #[test]
            fn selectors_built_from_the_grammar_are_valid(
                parts in vec((compound(), "( | > | \\+ | ~ |>|, )"), 1..4),
            ) {
                let mut selector = String::new();
                for (i, (compound, combinator)) in parts.iter().enumerate() {
                    if i > 0 {
                        selector.push_str(combinator);
                    }
                    selector.push_str(compound);
                }
                prop_assert_eq!(check(&selector), Ok(()), "{}", selector);
            }
        }
    }
}
