//! The `sysray` command: sysdig-compatible flags wired to the capture reader,
//! the state engine, filters, formatters and chisels.

mod capinfo;
mod capture_out;
mod chisels;
mod file;
mod flags;
mod heap;
mod live;
mod parallel;
mod print;
mod progress;
mod rewrite;
mod summary;
mod timefmt;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use flags::LowArgs;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn run() -> Result<i32> {
    heap::prepare();
    let args = LowArgs::parse(std::env::args_os().skip(1))?;
    if let Some(c) = &args.capinfo {
        if args.help {
            println!("usage: sysray capinfo [--types] [-j] FILE...");
            return Ok(0);
        }
        return capinfo::run(c);
    }
    if args.version {
        println!("sysray version {VERSION}");
        return Ok(0);
    }
    if args.help {
        print!("{}", include_str!("usage.txt"));
        return Ok(0);
    }
    if args.list_fields || args.list_markdown {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        filter::fields::list::list_fields(&mut out, args.verbose)?;
        return Ok(0);
    }
    if args.list_events {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        filter::fields::list::list_events(&mut out)?;
        return Ok(0);
    }
    if args.list_chisels {
        return chisels::list();
    }
    if let Some(name) = &args.chisel_info {
        return chisels::describe(name);
    }
    if !args.chisels.is_empty() {
        let app = match &args.read_file {
            Some(input) => chisels::run_file(&args, input)?,
            None => live::run_chisels(&args)?,
        };
        if let Some(app_args) = app {
            let status =
                std::process::Command::new(std::env::current_exe()?).args(&app_args).status()?;
            return Ok(status.code().unwrap_or(1));
        }
        return Ok(0);
    }
    let filter_text = args.positional.join(" ");
    match (&args.read_file, &args.write_file) {
        (Some(input), Some(output))
            if filter_text.is_empty()
                && args.chisels.is_empty()
                && args.num_events.is_none()
                && args.file_size_mb.is_none()
                && args.rotate_seconds.is_none()
                && args.file_limit.is_none()
                && args.event_limit.is_none() =>
        {
            let c = if args.compress { scap::Compression::Gzip } else { scap::Compression::None };
            rewrite::run(input, output, c)?;
            Ok(0)
        }
        (Some(input), _) => {
            file::run(&args, &filter_text, input)?;
            Ok(0)
        }
        (None, _) => {
            live::run(&args, &filter_text)?;
            Ok(0)
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            if e.chain().any(|c| {
                let pipe = |kind| kind == std::io::ErrorKind::BrokenPipe;
                c.downcast_ref::<std::io::Error>().is_some_and(|io| pipe(io.kind()))
                    || c.downcast_ref::<scap::Error>()
                        .and_then(scap::Error::io_kind)
                        .is_some_and(pipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let _ = std::io::stdout().flush();
            if let Some(c) = e.downcast_ref::<chisels::ChiselFailure>() {
                // A chisel that called os.exit(code) has said what it had to.
                if let chisel::ChiselError::Exit(code) = c.0 {
                    return ExitCode::from(code.clamp(0, 255) as u8);
                }
                eprintln!("{c}");
                return ExitCode::from(c.0.exit_code().clamp(1, 255) as u8);
            }
            eprintln!("sysray: {e:#}");
            ExitCode::FAILURE
        }
    }
}
