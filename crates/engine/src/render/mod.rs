//! Rendering of event parameters (`%evt.info`, `%evt.args`, `%evt.arg.*`) as
//! sysdig 0.29.3 prints them (scap-format.md §11). Everything is written into
//! caller-provided buffers; nothing is allocated per event once they are warm.

pub(crate) mod buffers;
pub(crate) mod net;
pub(crate) mod numbers;
pub(crate) mod params;
#[cfg(test)]
mod tests;
pub mod text;

/// How data buffers are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BufferFormat {
    /// Printable ASCII kept, every other byte as `.` (the default).
    #[default]
    Dots,
    /// `-A`: a newline, then printable bytes; `\r` becomes a newline and a `\n`
    /// after `\r` is dropped.
    Ascii,
    /// `-A` without the leading newline (`PF_EOLS_COMPACT`, used by chisels).
    AsciiCompact,
    /// `-x`: hex rows of 16 bytes.
    Hex,
    /// `-X`: hex rows with their ASCII.
    HexAscii,
    /// `-b`: base64.
    Base64,
}

/// Rendering options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    /// How data buffers are shown.
    pub buffer: BufferFormat,
    /// Cut [`BufferFormat::Dots`] buffers longer than this to this many bytes,
    /// the last three being `...`; 0 means no cut.
    pub max_len: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions::text(BufferFormat::Dots, false)
    }
}

impl RenderOptions {
    /// Text output (the default line, `-p`): dots buffers are cut to 80 bytes
    /// unless `verbose` (`-v`).
    pub fn text(buffer: BufferFormat, verbose: bool) -> Self {
        let max_len = if verbose || buffer != BufferFormat::Dots { 0 } else { 80 };
        RenderOptions { buffer, max_len }
    }

    /// JSON output (`-j`): the same encodings, never cut.
    pub fn json(buffer: BufferFormat) -> Self {
        RenderOptions { buffer, max_len: 0 }
    }
}

/// Which parameter [`crate::EventCtx::write_arg`] renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgSel<'a> {
    /// The first parameter with this name.
    Name(&'a str),
    /// The parameter at this index.
    Index(usize),
}

/// What form of a parameter [`crate::EventCtx::write_arg`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgForm {
    /// The resolved text when there is one, else the value (`%evt.arg.X`).
    Resolved,
    /// The value text only, without the resolved part.
    Value,
    /// `value(resolved)` as in `%evt.info`.
    Info,
}
