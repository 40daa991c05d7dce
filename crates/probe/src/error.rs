//! Errors of live capture.

/// What the machine lacks for live capture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Neither root (CAP_SYS_ADMIN) nor CAP_BPF together with CAP_PERFMON.
    /// Triggered by running as an unprivileged user.
    Privileges,
    /// No `/sys/kernel/btf/vmlinux` (kernel built without
    /// `CONFIG_DEBUG_INFO_BTF`).
    Btf,
    /// The kernel (its release string) predates 5.17 (`bpf_loop`, BTF-typed
    /// tracepoints, `bpf_task_pt_regs`).
    KernelTooOld(String),
}

/// An error of live capture.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Live capture cannot run on this machine; the message says why and what
    /// to do instead.
    #[error("{}", unsupported_message(.0))]
    Unsupported(Missing),
    /// The kernel refused the object, a map or a program.
    #[error("loading the probe failed ({what}): {source}")]
    Load {
        /// What was being loaded or attached.
        what: &'static str,
        /// The loader's error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The embedded object lacks a map (the object and the loader disagree).
    #[error("the probe object has no map named {0}")]
    MissingMap(&'static str),
    /// The embedded object lacks a program.
    #[error("the probe object has no program named {0}")]
    MissingProgram(&'static str),
    /// A recipe does not fit the event table (a bug).
    #[error(transparent)]
    Recipe(#[from] crate::recipes::RecipeError),
    /// Reading system state failed.
    #[error("{what}: {source}")]
    Io {
        /// What was read.
        what: &'static str,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

fn unsupported_message(m: &Missing) -> String {
    let what = match m {
        Missing::Privileges => "live capture needs root, or the capabilities CAP_BPF and \
                                CAP_PERFMON (e.g. `sudo setcap cap_bpf,cap_perfmon+ep sysray`)"
            .to_string(),
        Missing::Btf => "live capture needs a kernel with BTF type information \
                         (/sys/kernel/btf/vmlinux is missing: CONFIG_DEBUG_INFO_BTF=y)"
            .to_string(),
        Missing::KernelTooOld(r) => {
            format!("live capture needs Linux 5.17 or later (bpf_loop); this kernel is {r}")
        }
    };
    format!("{what}; to read a capture file instead, use -r FILE")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_is_missing_and_the_alternative() {
        let e = Error::Unsupported(Missing::Privileges);
        let m = e.to_string();
        assert!(m.contains("CAP_BPF") && m.contains("CAP_PERFMON") && m.contains("-r FILE"));
        let m = Error::Unsupported(Missing::KernelTooOld("4.19.0".into())).to_string();
        assert!(m.contains("4.19.0") && m.contains("5.17"));
        assert!(Error::Unsupported(Missing::Btf).to_string().contains("/sys/kernel/btf/vmlinux"));
    }
}
