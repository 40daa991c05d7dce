//! The conformance cases this crate decides, run through scap, the engine and the
//! filter crate (without the CLI): every `filter-*` case (the `%evt.num` of the
//! matching events), the `fields-*` cases, `with-format-dir` and the JSON cases.
//! Each case's arguments come from `cases.tsv`.

mod support;

use support::{Job, expected, first_difference, run, seed, shared};

use engine::BufferFormat;

/// Splits a `cases.tsv` argument string with shell rules.
fn args(s: &str) -> Vec<String> {
    shlex::split(s).unwrap_or_default()
}

/// The job for a case's arguments, or `None` when it uses an option this test
/// does not model (chisels, `-S`, `-n`...).
fn job_of(argv: &[String]) -> Option<Job> {
    let mut job = Job::new(filter::Preset::Default { tty: false }.format(), "");
    let mut filter_words = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        match a {
            "-r" => i += 1,
            "-p" => {
                i += 1;
                job.format = argv.get(i)?.clone();
            }
            "-pc" => job.format = filter::Preset::Container.format().into(),
            "-pk" => job.format = filter::Preset::Kubernetes.format().into(),
            "-j" => job.json = true,
            "-A" => job.buffer = BufferFormat::Ascii,
            "-x" => job.buffer = BufferFormat::Hex,
            "-X" => job.buffer = BufferFormat::HexAscii,
            "-b" => job.buffer = BufferFormat::Base64,
            "-v" => job.verbose = true,
            "-NA" => job.buffer = BufferFormat::Ascii,
            _ if a.starts_with('-') => return None,
            _ => filter_words.push(a.to_owned()),
        }
        i += 1;
    }
    job.filter = filter_words.join(" ");
    Some(job)
}

fn family_selected(id: &str) -> bool {
    id.starts_with("filter-")
        || id.starts_with("fields-")
        || id.starts_with("json-")
        || id.starts_with("buf-")
        || id == "with-format-dir"
        || (id.starts_with("article-") && id != "article-resolvconf")
}

#[test]
fn conformance_cases() {
    let Some(shared) = shared() else { return };
    let tsv = std::fs::read_to_string(shared.join("conformance/cases.tsv")).expect("cases.tsv");
    let mut cases = Vec::new();
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, argstr, exit, expected_name, ..] = cols[..] else { continue };
        if !family_selected(id) || exit != "0" {
            continue;
        }
        let Some(job) = job_of(&args(argstr)) else { continue };
        cases.push((id.to_owned(), expected_name.to_owned(), job));
    }
    let jobs: Vec<Job> = cases.iter().map(|c| c.2.clone()).collect();
    let outputs = run(&seed(&shared), &jobs);
    let mut failed = Vec::new();
    for ((id, exp, job), got) in cases.iter().zip(outputs) {
        let want = expected(&shared, exp);
        match got {
            Ok(got) if got == want => {}
            Ok(got) => {
                failed.push(format!("{id} ({}): {}", job.filter, first_difference(&got, &want)))
            }
            Err(e) => failed.push(format!("{id}: {e}")),
        }
    }
    let passed = cases.len() - failed.len();
    println!("{passed} passed, {} failed", failed.len());
    for f in &failed {
        println!("FAIL {f}");
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}
