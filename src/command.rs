//! The host's calls, `pathlight('init', {...})` and friends, parsed from their JSON form.
//!
//! The browser edge turns each call's arguments into JSON; parsing them here keeps the
//! command language testable natively and gives every mistake a message that says the fix.

use serde::Deserialize;
use serde_json::Value;

/// Options of `pathlight('init', {...})`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitOptions {
    /// URL of the compiled lesson pack.
    pub lessons: Option<String>,
    pub user: Option<User>,
}

/// The learner, as the host knows them.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    pub id: Option<String>,
    #[serde(default)]
    pub traits: serde_json::Map<String, Value>,
}

/// One call of the host API.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Init(InitOptions),
    Track(String),
    Open(String),
    Close,
}

const KNOWN: &str = "init, track, open, close";

impl Command {
    /// Parses `[name, ...args]`.
    pub fn parse(call: &Value) -> Result<Command, String> {
        let args = call.as_array().map(Vec::as_slice).unwrap_or_default();
        let Some(name) = args.first().and_then(Value::as_str) else {
            return Err(format!(
                "pathlight() needs a command name as its first argument, one of: {KNOWN}."
            ));
        };
        let arg = |i: usize| args.get(i).unwrap_or(&Value::Null);
        let text = |i: usize, what: &str| {
            arg(i).as_str().map(str::to_owned).ok_or_else(|| {
                format!("pathlight('{name}', …) needs {what} as a string, e.g. pathlight('{name}', 'x').")
            })
        };
        match name {
            "init" => serde_json::from_value(arg(1).clone())
                .map(Command::Init)
                .map_err(|e| {
                    format!("pathlight('init', options): {e}. Options are {{ lessons: '/lessons.json', user: {{ id, traits }} }}.")
                }),
            "track" => text(1, "an event name").map(Command::Track),
            "open" => text(1, "a lesson id").map(Command::Open),
            "close" => Ok(Command::Close),
            other => Err(format!("unknown command '{other}'. Known commands: {KNOWN}.")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_the_documented_init_call() {
        let call = json!(["init", { "lessons": "/lessons.json", "user": { "id": "u1", "traits": { "role": "admin" } } }]);
        let Command::Init(opts) = Command::parse(&call).unwrap() else {
            panic!()
        };
        assert_eq!(opts.lessons.as_deref(), Some("/lessons.json"));
        assert_eq!(opts.user.unwrap().traits["role"], "admin");
    }

    #[test]
    fn a_misspelt_option_is_named_in_the_error() {
        let err = Command::parse(&json!(["init", { "lesons": "/x.json" }])).unwrap_err();
        assert!(err.contains("lesons"), "{err}");
    }

    #[test]
    fn unknown_commands_list_the_known_ones() {
        let err = Command::parse(&json!(["opne", "x"])).unwrap_err();
        assert!(err.contains("opne") && err.contains("open"), "{err}");
        assert!(Command::parse(&json!([])).is_err());
        assert!(Command::parse(&json!(["open"])).is_err());
    }
}
