//! Where packs are read from: the disk for the native CLI, and Node's file system for the
//! npm package's CLI, whose WebAssembly has no file system of its own. One trait, so that
//! both compile a pack with the same code and report the same problems in the same words.

use std::io;
use std::path::{Path, PathBuf};

/// Where the compiler reads a Pack's sources, so tests can feed it files from memory.
pub trait Files {
    /// Whether a source file exists at this path.
    fn is_file(&self, path: &Path) -> bool;
    /// The bytes of a source file.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// The path of each entry of the folder `dir`, in any order.
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
    /// The size of a file in bytes (read whole unless the place knows better).
    fn size(&self, path: &Path) -> io::Result<u64> {
        Ok(self.read(path)?.len() as u64)
    }
}

/// The file system of the machine the CLI runs on.
pub struct Disk;

impl Files for Disk {
    fn is_file(&self, path: &Path) -> bool {
        path.is_file()
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        Ok(std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect())
    }

    fn size(&self, path: &Path) -> io::Result<u64> {
        Ok(std::fs::metadata(path)?.len())
    }
}

/// The text of a file, failing as `std::fs::read_to_string` does.
pub fn read_text(files: &dyn Files, path: &Path) -> io::Result<String> {
    String::from_utf8(files.read(path)?).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    })
}
