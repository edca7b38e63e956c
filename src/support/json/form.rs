//! Typed values read out of a [`Json`] tree and written into one, with the path of the
//! first value that is not what was expected.

use super::Json;
use std::fmt;

/// A type with a JSON form that can be read.
pub trait FromJson: Sized {
    /// Reads a value from Pack or Progress JSON, saying where it does not fit.
    fn from_json(value: &Json) -> Result<Self, Mismatch>;
}

/// A type with a JSON form that can be written.
pub trait ToJson {
    /// Writes the value as JSON, for saving Progress or emitting events.
    fn to_json(&self) -> Json;
}

/// A value that is not what was expected, and where it is: `lessons[2].when.rule`.
// Boxed: a one-word error keeps every reader's `Result` small, which keeps the wasm small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch(Box<Details>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    /// Innermost first: each level adds its part on the way out.
    path: Vec<Step>,
    message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Field(String),
    Item(usize),
}

impl Mismatch {
    /// A mismatch described by this message.
    pub fn new(message: impl Into<String>) -> Mismatch {
        Mismatch(Box::new(Details {
            path: Vec::new(),
            message: message.into(),
        }))
    }

    /// A mismatch where `what` was expected but `found` was there.
    pub fn expected(what: &str, found: &Json) -> Mismatch {
        Mismatch::new(format!("expected {what}, found {}", found.kind()))
    }

    /// A tag that names none of a type's forms.
    pub fn unknown(what: &str, tag: &str, options: &[&str]) -> Mismatch {
        Mismatch::new(format!(
            "unknown {what} `{tag}`; expected one of {}",
            options.join(", ")
        ))
    }

    /// Prefixes the place with a field name, so the author can find it.
    pub fn in_field(mut self, name: &str) -> Mismatch {
        self.0.path.push(Step::Field(name.to_owned()));
        self
    }

    /// Prefixes the place with an array index, so the author can find it.
    pub fn in_item(mut self, index: usize) -> Mismatch {
        self.0.path.push(Step::Item(index));
        self
    }

    /// Where the mismatch is, as a JavaScript expression would reach it: `lessons[2].when`.
    fn path(&self) -> String {
        let mut out = String::new();
        for step in self.0.path.iter().rev() {
            match step {
                Step::Field(name) if out.is_empty() => out.push_str(name),
                Step::Field(name) => {
                    out.push('.');
                    out.push_str(name);
                }
                Step::Item(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// The message with the place where it went wrong.
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path() {
            path if path.is_empty() => f.write_str(&self.0.message),
            path => write!(f, "{path}: {}", self.0.message),
        }
    }
}

impl Json {
    /// The members of an object, for reading a struct.
    pub fn fields(&self) -> Result<Fields<'_>, Mismatch> {
        match self {
            Json::Object(members) => Ok(Fields(members)),
            other => Err(Mismatch::expected("an object", other)),
        }
    }

    /// An enum's tag and payload: `"break"` is a tag alone, `{"page": "/x"}` a tag with one.
    pub fn variant(&self) -> Result<(&str, &Json), Mismatch> {
        match self {
            Json::String(tag) => Ok((tag, &Json::Null)),
            Json::Object(members) if members.len() == 1 => Ok((&members[0].0, &members[0].1)),
            other => Err(Mismatch::expected(
                "a name or an object with one member",
                other,
            )),
        }
    }

    /// One of `names`, for an enum without data.
    pub fn name_of<T: Copy>(&self, what: &str, names: &[(&str, T)]) -> Result<T, Mismatch> {
        let options: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        match self {
            Json::String(s) => match names.iter().find(|(n, _)| n == s) {
                Some((_, t)) => Ok(*t),
                None => Err(Mismatch::unknown(what, s, &options)),
            },
            other => Err(Mismatch::expected(
                &format!("one of {}", options.join(", ")),
                other,
            )),
        }
    }

    /// One form's payload read as `T`; mistakes inside it are placed under the tag.
    pub fn payload<T: FromJson>(&self, tag: &str) -> Result<T, Mismatch> {
        T::from_json(self).map_err(|e| e.in_field(tag))
    }

    /// A variant's payload object, read field by field; mistakes are placed under the tag.
    pub fn with_fields<T>(
        &self,
        tag: &str,
        read: impl FnOnce(&Fields) -> Result<T, Mismatch>,
    ) -> Result<T, Mismatch> {
        self.fields()
            .and_then(|f| read(&f))
            .map_err(|e| e.in_field(tag))
    }

    /// `{ tag: payload }`, the form of an enum's variant with data.
    pub fn tagged(tag: &str, payload: Json) -> Json {
        Json::Object(vec![(tag.to_owned(), payload)])
    }
}

/// The members of a JSON object, read as a struct's fields. Unknown members are ignored,
/// so that an older widget reads a newer pack, unless [`Fields::only`] says otherwise.
pub struct Fields<'a>(&'a [(String, Json)]);

impl Fields<'_> {
    /// The field with this name, if present.
    pub fn get(&self, name: &str) -> Option<&Json> {
        super::member(self.0, name)
    }

    /// Reads a field that must be present, naming it in the mismatch.
    pub fn required<T: FromJson>(&self, name: &str) -> Result<T, Mismatch> {
        match self.get(name) {
            Some(value) => value.payload(name),
            None => Err(Mismatch::new(format!("`{name}` is missing"))),
        }
    }

    /// An absent or null member is `None`.
    pub fn optional<T: FromJson>(&self, name: &str) -> Result<Option<T>, Mismatch> {
        match self.get(name) {
            None | Some(Json::Null) => Ok(None),
            Some(value) => value.payload(name).map(Some),
        }
    }

    /// An absent or null member is `T`'s default.
    pub fn or_default<T: FromJson + Default>(&self, name: &str) -> Result<T, Mismatch> {
        Ok(self.optional(name)?.unwrap_or_default())
    }

    /// Refuses members other than `known`, for options a person types by hand, where an
    /// unknown one is a typo.
    pub fn only(&self, known: &[&str]) -> Result<(), Mismatch> {
        match self.0.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            Some((k, _)) => Err(Mismatch::unknown("option", k, known)),
            None => Ok(()),
        }
    }
}

/// An object being written, member by member.
#[derive(Default)]
pub struct Object(Vec<(String, Json)>);

impl Object {
    /// An empty object to add fields to.
    pub fn new() -> Object {
        Object::default()
    }

    /// Adds a field.
    pub fn with(mut self, name: &str, value: &(impl ToJson + ?Sized)) -> Object {
        self.0.push((name.to_owned(), value.to_json()));
        self
    }

    /// Leaves out what reads back the same when absent: null, `[]` and `{}`.
    pub fn with_some(self, name: &str, value: &(impl ToJson + ?Sized)) -> Object {
        match value.to_json() {
            Json::Null => self,
            Json::Array(a) if a.is_empty() => self,
            Json::Object(o) if o.is_empty() => self,
            json => self.with(name, &json),
        }
    }

    /// The JSON object with the fields in the order they were added.
    pub fn build(self) -> Json {
        Json::Object(self.0)
    }
}

// The forms of the standard types.

impl FromJson for Json {
    fn from_json(value: &Json) -> Result<Json, Mismatch> {
        Ok(value.clone())
    }
}

impl ToJson for Json {
    fn to_json(&self) -> Json {
        self.clone()
    }
}

impl FromJson for String {
    fn from_json(value: &Json) -> Result<String, Mismatch> {
        match value {
            Json::String(s) => Ok(s.clone()),
            other => Err(Mismatch::expected("text", other)),
        }
    }
}

impl ToJson for str {
    fn to_json(&self) -> Json {
        Json::String(self.to_owned())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::String(self.clone())
    }
}

impl FromJson for bool {
    fn from_json(value: &Json) -> Result<bool, Mismatch> {
        match value {
            Json::Bool(b) => Ok(*b),
            other => Err(Mismatch::expected("true or false", other)),
        }
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

impl FromJson for f64 {
    fn from_json(value: &Json) -> Result<f64, Mismatch> {
        match value {
            Json::Number(x) => Ok(*x),
            other => Err(Mismatch::expected("a number", other)),
        }
    }
}

impl ToJson for f64 {
    fn to_json(&self) -> Json {
        Json::Number(*self)
    }
}

fn whole(value: &Json, max: u64) -> Result<u64, Mismatch> {
    match value {
        Json::Number(x) if x.fract() == 0.0 && *x >= 0.0 && *x <= max as f64 => Ok(*x as u64),
        Json::Number(_) => Err(Mismatch::new(format!(
            "expected a whole number from 0 to {max}"
        ))),
        other => Err(Mismatch::expected("a whole number", other)),
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(value: &Json) -> Result<$t, Mismatch> {
                // Timestamps and counts stay below 2^53, where JSON numbers are exact.
                let max = (<$t>::MAX as u64).min(1 << 53);
                whole(value, max).map(|n| n as $t)
            }
        }

        impl ToJson for $t {
            fn to_json(&self) -> Json {
                Json::Number(*self as f64)
            }
        }
    )*};
}

whole_numbers!(u8, u16, u32, u64, usize);

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Json) -> Result<Vec<T>, Mismatch> {
        let Json::Array(items) = value else {
            return Err(Mismatch::expected("a list", value));
        };
        let mut list = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            list.push(T::from_json(item).map_err(|e| e.in_item(i))?);
        }
        Ok(list)
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Json {
        Json::Array(self.iter().map(T::to_json).collect())
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        self.as_slice().to_json()
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(value: &Json) -> Result<Box<T>, Mismatch> {
        T::from_json(value).map(Box::new)
    }
}

impl<T: ToJson> ToJson for Box<T> {
    fn to_json(&self) -> Json {
        (**self).to_json()
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        self.as_ref().map_or(Json::Null, T::to_json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::json::parse;

    #[derive(Debug, PartialEq)]
    struct Point {
        x: u32,
        tags: Vec<String>,
    }

    impl FromJson for Point {
        fn from_json(value: &Json) -> Result<Point, Mismatch> {
            let f = value.fields()?;
            Ok(Point {
                x: f.required("x")?,
                tags: f.or_default("tags")?,
            })
        }
    }

    fn read<T: FromJson>(text: &str) -> Result<T, Mismatch> {
        T::from_json(&parse(text).unwrap())
    }

    #[test]
    fn a_mistake_names_its_path() {
        let e = read::<Vec<Point>>(r#"[{"x": 1}, {"x": 2, "tags": ["a", 3]}]"#).unwrap_err();
        assert_eq!(e.to_string(), "[1].tags[1]: expected text, found a number");
        let e = read::<crate::support::keyed::Keyed<Point>>(r#"{"p": {"tags": []}}"#).unwrap_err();
        assert_eq!(e.to_string(), "p: `x` is missing");
    }

    #[test]
    fn whole_numbers_refuse_fractions_negatives_and_overflow() {
        assert_eq!(read::<u8>("255"), Ok(255));
        for text in ["256", "-1", "1.5"] {
            assert_eq!(
                read::<u8>(text).unwrap_err().message(),
                "expected a whole number from 0 to 255"
            );
        }
        assert_eq!(read::<u64>("1764000000000"), Ok(1_764_000_000_000));
    }

    #[test]
    fn absent_and_null_members_are_defaults() {
        assert_eq!(
            read::<Point>(r#"{"x": 0, "tags": null}"#),
            Ok(Point { x: 0, tags: vec![] })
        );
    }

    #[test]
    fn only_refuses_unknown_members_by_name() {
        let v = parse(r#"{"lessons": "/l.json", "lesons": 1}"#).unwrap();
        let e = v.fields().unwrap().only(&["lessons", "user"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown option `lesons`; expected one of lessons, user"
        );
    }

    #[test]
    fn with_some_leaves_out_what_reads_back_the_same() {
        let none: Option<u32> = None;
        let o = Object::new()
            .with_some("a", &none)
            .with_some("b", &Vec::<u32>::new())
            .with_some("c", &crate::support::keyed::Keyed::<u32>::new())
            .with_some("d", &Some(0u32))
            .with("e", &none)
            .build();
        assert_eq!(o.to_string(), r#"{"d":0,"e":null}"#);
    }
}
