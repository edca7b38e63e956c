//! `pathlight`: the authoring CLI. Checks and compiles lesson packs for the widget. Its
//! commands live in the library (`cli`), which the npm package's CLI shares;
//! `dev`'s server and watcher are native only, here.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "pathlight/dev.rs"]
mod dev;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use pathlight::cli;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let code = match args.as_slice() {
        ["dev", rest @ ..] => dev::main(rest),
        _ => cli::run(&args, &cli::Native),
    };
    std::process::exit(code);
}
