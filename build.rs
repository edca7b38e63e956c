//! Minifies the widget's stylesheet for the wasm, which embeds it.

#[path = "src/support/css_minify.rs"]
mod css_minify;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=style/widget.css");
    println!("cargo:rerun-if-changed=src/support/css_minify.rs");
    let css = std::fs::read_to_string("style/widget.css").expect("style/widget.css is readable");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("widget.min.css"), css_minify::minify(&css))
        .expect("OUT_DIR is writable");
}
