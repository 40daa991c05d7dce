//! The chisel crate's error type. Each variant's `Display` is the exact stderr
//! line sysdig prints for the same situation (chisel-api.md 3.8), so the CLI
//! prints it as is and exits 1.

use thiserror::Error;

/// A chisel could not be loaded, configured or run.
#[derive(Debug, Error)]
pub enum ChiselError {
    /// `-c NAME` found no file (`-c nosuch`).
    #[error("can't open file {0}")]
    NotFound(String),
    /// `-i NAME` for a chisel that is not listed (`-i nosuch`, or a hidden one).
    #[error("chisel {0} not found - use -cl to list them.")]
    NotListed(String),
    /// Syntax or top-level runtime error, or no `args` table (`args = 3`).
    #[error("Failed to load chisel {name}: {msg}")]
    Load {
        /// The chisel name as typed.
        name: String,
        /// The Lua message (or `args table missing`).
        msg: String,
    },
    /// A required argument and no word after `-c NAME` (`-c fdbytes_by` last).
    #[error("missing arguments for chisel {0}")]
    MissingArguments(String),
    /// An unterminated quote in the argument word (`-c fdbytes_by "'a"`).
    #[error("corrupted parameters for chisel {0}")]
    CorruptedParameters(String),
    /// Fewer values than required (`-c fdbytes_by ""`).
    #[error("wrong number of parameters for chisel {name}, {required} required, {given} given")]
    WrongParameterCount {
        /// Chisel name.
        name: String,
        /// Required count.
        required: usize,
        /// Values given.
        given: usize,
    },
    /// More values than declared (`-c fdbytes_by "a b"`).
    #[error(
        "too many parameters for chisel {name}, {required} required, {optional} optional, {given} given"
    )]
    TooManyParameters {
        /// Chisel name.
        name: String,
        /// Required count.
        required: usize,
        /// Optional count.
        optional: usize,
        /// Values given.
        given: usize,
    },
    /// Values given but no `on_set_arg` function.
    #[error("chisel {0} misses a set_arg() function.")]
    NoSetArg(String),
    /// `on_set_arg` returned something other than a boolean.
    #[error("{0} chisel error: wrong set_arg() return value.")]
    SetArgReturn(String),
    /// `on_set_arg` returned false.
    #[error("set_arg() for chisel {0} failed.")]
    SetArgFailed(String),
    /// `on_init` returned something other than a boolean.
    #[error("{0} chisel error: wrong init() return value.")]
    InitReturn(String),
    /// `on_init` (or `on_capture_start`, sic) returned false.
    #[error("init() for chisel {0} failed.")]
    InitFailed(String),
    /// Lua error in `on_init`.
    #[error("{name}: error in init(): {msg}")]
    Init {
        /// Chisel name.
        name: String,
        /// Lua message.
        msg: String,
    },
    /// `on_capture_start` returned a non-boolean.
    #[error("{0} chisel error: wrong on_capture_start() return value. Boolean expected.")]
    CaptureStartReturn(String),
    /// Lua error in `on_event`, `on_capture_start` or `on_set_arg`.
    #[error("{name} chisel error: {msg}")]
    Runtime {
        /// Chisel name.
        name: String,
        /// Lua message.
        msg: String,
    },
    /// Lua error in `on_interval`, or an interval without `on_interval`.
    #[error("{name} chisel error: calling on_interval() failed:{msg}")]
    Interval {
        /// Chisel name.
        name: String,
        /// Lua message.
        msg: String,
    },
    /// `on_interval` returned false or nil.
    #[error("execution terminated by the {0} chisel")]
    Terminated(String),
    /// The capture filter given on the command line does not compile.
    #[error("{0}")]
    Filter(String),
    /// The capture could not be read (the scap error, with file and offset).
    #[error("{0}")]
    Capture(String),
    /// Lua called `os.exit(code)`: the run must end with that status (output is
    /// already flushed).
    #[error("exit {0}")]
    Exit(i32),
    /// Writing the output failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl ChiselError {
    /// The process exit status the CLI should use.
    pub fn exit_code(&self) -> i32 {
        match self {
            ChiselError::Exit(c) => *c,
            _ => 1,
        }
    }
}
