//! Every `chisel-*` conformance case and `article-resolvconf`
//! (shared/conformance/cases.tsv), run through the chisel library with scap and
//! the engine, compared by the case's rule. Prints `N passed, M failed`.

mod common;

use chisel::SearchPath;

/// `(id, arguments, expected file, compare mode)`.
type Case = (String, Vec<String>, String, String);

fn cases() -> Option<Vec<Case>> {
    let shared = common::shared_dir()?;
    let tsv = std::fs::read_to_string(shared.join("conformance/cases.tsv")).expect("cases.tsv");
    let captures = shared.join("captures");
    let mut out = Vec::new();
    for line in tsv.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, args, _exit, expected, mode] = cols[..] else { continue };
        if !(id.starts_with("chisel-") || id == "article-resolvconf") {
            continue;
        }
        let args = args.replace("{captures}", &captures.display().to_string());
        let words = shlex::split(&args).expect("shell words");
        out.push((
            id.to_owned(),
            words,
            shared.join("conformance/expected").join(expected).display().to_string(),
            mode.to_owned(),
        ));
    }
    Some(out)
}

fn run_case(id: &str) -> Result<(), String> {
    let Some(all) = cases() else { return Ok(()) };
    let (_, words, expected, mode) =
        all.iter().find(|c| c.0 == id).ok_or(format!("no case {id}"))?;
    let r = common::run_args(words, SearchPath::embedded_only());
    if let Some(e) = r.error {
        return Err(format!("{id}: error: {e}"));
    }
    let want = common::read_expected(std::path::Path::new(expected));
    common::compare(mode, &r.stdout, &want).map_err(|d| format!("{id}: {d}"))
}

macro_rules! conf {
    ($($name:ident => $id:literal;)*) => {
        $(
            #[test]
            fn $name() {
                set_tz();
                if let Err(e) = run_case($id) {
                    panic!("{e}");
                }
            }
        )*

        #[test]
        fn conformance_summary() {
            set_tz();
            let Some(all) = cases() else { return };
            let mut failed = Vec::new();
            for (id, ..) in &all {
                if let Err(e) = run_case(id) {
                    failed.push(e);
                }
            }
            for f in &failed {
                println!("FAIL {f}");
            }
            println!("{} passed, {} failed", all.len() - failed.len(), failed.len());
            assert_eq!(all.len(), [$($id),*].len(), "cases.tsv and this list differ");
        }
    };
}

fn set_tz() {
    // The cases were made with TZ=UTC; the C library reads TZ on each localtime_r.
    // SAFETY: tests set the same value from every thread, before any time call.
    unsafe { std::env::set_var("TZ", "UTC") };
}

conf! {
    conf_article_resolvconf => "article-resolvconf";
    conf_chisel_topprocs_cpu => "chisel-topprocs_cpu";
    conf_chisel_topprocs_net => "chisel-topprocs_net";
    conf_chisel_topprocs_errors => "chisel-topprocs_errors";
    conf_chisel_topfiles_bytes => "chisel-topfiles_bytes";
    conf_chisel_topfiles_errors => "chisel-topfiles_errors";
    conf_chisel_topconns => "chisel-topconns";
    conf_chisel_topscalls => "chisel-topscalls";
    conf_chisel_topscalls_time => "chisel-topscalls_time";
    conf_chisel_topcontainers_cpu => "chisel-topcontainers_cpu";
    conf_chisel_topcontainers_file => "chisel-topcontainers_file";
    conf_chisel_lscontainers => "chisel-lscontainers";
    conf_chisel_lsof => "chisel-lsof";
    conf_chisel_ps => "chisel-ps";
    conf_chisel_netstat => "chisel-netstat";
    conf_chisel_spy_users => "chisel-spy_users";
    conf_chisel_proc_exec_time => "chisel-proc_exec_time";
    conf_chisel_iobytes_net => "chisel-iobytes_net";
    conf_chisel_fdbytes_by => "chisel-fdbytes_by";
    conf_chisel_fdcount_by => "chisel-fdcount_by";
    conf_chisel_echo_fds => "chisel-echo_fds";
    conf_chisel_stdout => "chisel-stdout";
    conf_chisel_list_login_shells => "chisel-list_login_shells";
}
