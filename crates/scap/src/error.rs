//! Errors of the capture reader and writer.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A reader or writer error: which file, where in it, and what went wrong.
///
/// Offsets count bytes of the *decompressed* stream (for plain files that is the
/// file offset); [`Error::compressed`] says which it is.
#[derive(Debug)]
pub struct Error {
    /// The file, when the stream came from a path.
    pub path: Option<PathBuf>,
    /// Byte offset of the block (or field) that failed.
    pub offset: u64,
    /// Whether `offset` counts decompressed bytes of a gzip/zstd file.
    pub compressed: bool,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    /// An I/O error from the underlying file or decompressor.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The file could not be opened or created (no offset applies).
    #[error("{0}")]
    Open(io::Error),
    /// The file ends inside a block. Input: any capture cut in the middle of a block.
    #[error("unexpected end of file inside {block} (needed {needed} more bytes)")]
    Truncated {
        /// The block being read.
        block: BlockName,
        /// Bytes missing.
        needed: u64,
    },
    /// Not a capture at all. Input: a text file.
    #[error("not a sysdig capture: {0}")]
    NotCapture(String),
    /// A pcapng file written by another tool (tcpdump, Wireshark).
    #[error(
        "this is a pcapng file written by another tool (tcpdump/Wireshark), not a sysdig capture: \
         its section header has the pcapng byte-order magic and it holds {0} blocks, which sysdig \
         does not write"
    )]
    ForeignPcapng(String),
    /// The section header's major version is newer than this reader.
    #[error("unsupported capture format version {major}.{minor} (this reader knows 1.x)")]
    Version {
        /// Major version.
        major: u16,
        /// Minor version.
        minor: u16,
    },
    /// A block's structure is inconsistent. Input: a block whose trailer differs from its length.
    #[error("corrupted {block}: {what}")]
    Corrupt {
        /// The block being read.
        block: BlockName,
        /// What was expected.
        what: String,
    },
    /// An event the writer was asked to write cannot be encoded.
    #[error("cannot write event: {0}")]
    Unwritable(String),
}

/// A block type, printed by name (`EV`, `PL_V6`...) in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockName(pub u32);

impl fmt::Display for BlockName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            return write!(f, "block header");
        }
        match crate::block::block_type_name(self.0) {
            Some(n) => write!(f, "{n} block"),
            None => write!(f, "block of type {:#x}", self.0),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.path {
            write!(f, "{}: ", p.display())?;
        }
        if let ErrorKind::Open(e) = &self.kind {
            return write!(f, "{e}");
        }
        let what = if self.compressed { "decompressed offset" } else { "offset" };
        write!(f, "{what} {}: {}", self.offset, self.kind)
    }
}

/// No source: the message already holds the I/O error's text (a source would
/// print it twice in a chain); [`Error::io_kind`] gives its kind.
impl std::error::Error for Error {}

impl Error {
    /// The kind of the I/O error behind this one, if it is one.
    pub fn io_kind(&self) -> Option<io::ErrorKind> {
        match &self.kind {
            ErrorKind::Io(e) | ErrorKind::Open(e) => Some(e.kind()),
            _ => None,
        }
    }
}

/// Result with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
