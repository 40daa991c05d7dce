//! Where chisels are found: one ordered list of directories used to resolve
//! `-c NAME`, to list chisels (`-cl`, `-i`) and to resolve Lua `require`.
//!
//! [`SearchPath::from_env`] builds sysray's default list:
//!
//! 1. the name as given (relative to the working directory, or absolute), so
//!    `-c path/to/file.lua` works; never listed;
//! 2. `./chisels/`;
//! 3. `~/.chisels/` (when it exists);
//! 4. each directory of `SYSRAY_CHISEL_DIR`, colon-separated, in order;
//! 5. the sysray chisels embedded in the binary (`crates/chisel/chisels/`), so
//!    they work without installation;
//! 6. `/usr/share/sysdig/chisels/`, so chisels installed for sysdig work.
//!
//! As in sysdig, `-c NAME` first tries `NAME.lua` in every directory in order, then
//! `NAME` as is; the first file that opens wins. Listing takes the files ending in
//! `.lua` of every directory, the first directory holding a base name winning.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// One entry of the search path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChiselDir {
    /// The name itself, relative to the working directory or absolute.
    AsGiven,
    /// A directory on disk.
    Fs(PathBuf),
    /// The chisels compiled into sysray.
    Embedded,
}

/// A chisel or module file that was found.
#[derive(Clone, Debug)]
pub struct ChiselSource {
    /// Where it came from (a path, or `<embedded>/NAME.lua`).
    pub origin: String,
    /// The Lua text.
    pub text: Cow<'static, str>,
}

/// The ordered chisel directories.
#[derive(Clone, Debug)]
pub struct SearchPath {
    dirs: Vec<ChiselDir>,
}

/// Where chisels installed for sysdig live.
pub const SYSDIG_CHISELS_DIR: &str = "/usr/share/sysdig/chisels";

impl SearchPath {
    /// A search path with exactly `dirs`.
    pub fn new(dirs: Vec<ChiselDir>) -> SearchPath {
        SearchPath { dirs }
    }

    /// sysray's default search path (see the module documentation), reading `HOME`
    /// and `SYSRAY_CHISEL_DIR` from the environment.
    pub fn from_env() -> SearchPath {
        let mut dirs = vec![ChiselDir::AsGiven, ChiselDir::Fs(PathBuf::from("./chisels"))];
        if let Some(home) = std::env::var_os("HOME") {
            let p = Path::new(&home).join(".chisels");
            if let Ok(real) = std::fs::canonicalize(&p)
                && real.is_dir()
            {
                dirs.push(ChiselDir::Fs(real));
            }
        }
        if let Some(v) = std::env::var_os("SYSRAY_CHISEL_DIR") {
            for part in v.to_string_lossy().split(':').filter(|p| !p.is_empty()) {
                dirs.push(ChiselDir::Fs(PathBuf::from(part)));
            }
        }
        dirs.push(ChiselDir::Embedded);
        dirs.push(ChiselDir::Fs(PathBuf::from(SYSDIG_CHISELS_DIR)));
        SearchPath { dirs }
    }

    /// Only the embedded chisels (tests, and runs that must not see the disk).
    pub fn embedded_only() -> SearchPath {
        SearchPath { dirs: vec![ChiselDir::AsGiven, ChiselDir::Embedded] }
    }

    /// The directories in order.
    pub fn dirs(&self) -> &[ChiselDir] {
        &self.dirs
    }

    fn open(dir: &ChiselDir, file: &str) -> Option<ChiselSource> {
        match dir {
            ChiselDir::AsGiven => read_file(Path::new(file)),
            ChiselDir::Fs(d) => read_file(&d.join(file)),
            ChiselDir::Embedded => embedded_file(file),
        }
    }

    /// Resolves `-c NAME` (already trimmed): `NAME.lua` in every directory, then
    /// `NAME` in every directory.
    pub fn resolve(&self, name: &str) -> Option<ChiselSource> {
        let with_ext = format!("{name}.lua");
        self.dirs
            .iter()
            .find_map(|d| Self::open(d, &with_ext))
            .or_else(|| self.dirs.iter().find_map(|d| Self::open(d, name)))
    }

    /// Resolves a Lua module for `require` (`common` → `common.lua`): the working
    /// directory (the as-given entry), then each directory in order.
    pub fn module(&self, module: &str) -> Option<ChiselSource> {
        let file = format!("{}.lua", module.replace('.', "/"));
        self.dirs.iter().find_map(|d| Self::open(d, &file))
    }

    /// Every listable file: `(base name, source)` for each `*.lua` file, the first
    /// directory holding a base name winning, sorted by base name.
    pub fn listable(&self) -> Vec<(String, ChiselSource)> {
        let mut seen: Vec<(String, ChiselSource)> = Vec::new();
        for d in &self.dirs {
            for (base, file) in list_dir(d) {
                if seen.iter().any(|(b, _)| *b == base) {
                    continue;
                }
                if let Some(src) = Self::open(d, &file) {
                    seen.push((base, src));
                }
            }
        }
        seen.sort_by(|a, b| a.0.cmp(&b.0));
        seen
    }
}

fn read_file(path: &Path) -> Option<ChiselSource> {
    if path.is_dir() {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    Some(ChiselSource {
        origin: path.display().to_string(),
        text: Cow::Owned(String::from_utf8_lossy(&bytes).into_owned()),
    })
}

fn embedded_file(file: &str) -> Option<ChiselSource> {
    embedded::EMBEDDED.iter().find(|(n, _)| *n == file).map(|(n, text)| ChiselSource {
        origin: format!("<embedded>/{n}"),
        text: Cow::Borrowed(text),
    })
}

/// `(base name, file name)` of the `.lua` files of a directory.
fn list_dir(dir: &ChiselDir) -> Vec<(String, String)> {
    let names: Vec<String> = match dir {
        ChiselDir::AsGiven => Vec::new(),
        ChiselDir::Embedded => embedded::EMBEDDED.iter().map(|(n, _)| (*n).to_owned()).collect(),
        ChiselDir::Fs(d) => match std::fs::read_dir(d) {
            Ok(rd) => {
                let mut v: Vec<String> = rd
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect();
                v.sort();
                v
            }
            Err(_) => Vec::new(),
        },
    };
    names
        .into_iter()
        .filter_map(|n| {
            let (base, ext) = n.rsplit_once('.')?;
            (ext == "lua").then(|| (base.to_owned(), n.clone()))
        })
        .collect()
}

/// Names of the embedded files (for tests and documentation).
pub fn embedded_names() -> impl Iterator<Item = &'static str> {
    embedded::EMBEDDED.iter().map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_chisels_resolve_with_and_without_extension() {
        let sp = SearchPath::embedded_only();
        let a = sp.resolve("common").expect("common.lua is embedded");
        assert!(a.origin.ends_with("common.lua"));
        assert!(sp.resolve("common.lua").is_some());
        assert!(sp.resolve("no_such_chisel").is_none());
    }

    #[test]
    fn as_given_paths_and_first_directory_wins() {
        let tmp = std::env::temp_dir().join(format!("sysray-chisel-search-{}", std::process::id()));
        let a = tmp.join("a");
        let b = tmp.join("b");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(a.join("zz.lua"), "-- a").unwrap();
        std::fs::write(b.join("zz.lua"), "-- b").unwrap();
        std::fs::write(b.join("noext"), "-- noext").unwrap();
        let sp = SearchPath::new(vec![
            ChiselDir::AsGiven,
            ChiselDir::Fs(a.clone()),
            ChiselDir::Fs(b.clone()),
        ]);
        assert_eq!(sp.resolve("zz").unwrap().text, "-- a");
        assert_eq!(sp.resolve("noext").unwrap().text, "-- noext");
        let abs = b.join("zz.lua");
        assert_eq!(sp.resolve(abs.to_str().unwrap()).unwrap().text, "-- b");
        let listed: Vec<String> = sp.listable().into_iter().map(|(n, _)| n).collect();
        assert_eq!(listed, ["zz"]);
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
