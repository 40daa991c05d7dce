//! The operators and transformers sysdig 0.29.3 lacks, on the seed capture.
//!
//! Each expected result was computed from sysdig 0.29.3 on the same capture, with
//! an equivalent older filter or by post-processing its output:
//!
//! | check | how the expectation was obtained |
//! |---|---|
//! | `proc.name==curl` | `proc.name=curl` |
//! | `evt.buffer bcontains 48545450` | `evt.buffer contains HTTP` |
//! | `evt.buffer bstartswith 474554` | `evt.buffer startswith GET` |
//! | `proc.name iglob 'KUBE*'` | `proc.name glob '[kK][uU][bB][eE]*'` |
//! | `proc.name regex 'c.rl\|ngin.'` | `proc.name glob 'c?rl' or proc.name glob 'ngin?'` |
//! | `proc.name intersects (curl, nginx)` | `proc.name in (curl, nginx)` |
//! | `evt.buffer icontains 'KEY NOT FOUND'` | `-v -p '%evt.num %evt.buffer'`, lines matching case-insensitively |
//! | `tolower(proc.name)=curl` | `-p '%evt.num %proc.name'`, lower-cased names equal to `curl` |
//! | `toupper(proc.name)=NGINX` | the same, upper-cased names equal to `NGINX` |
//! | `len(proc.name)>=15` | the same, names of 15 bytes or more |
//! | `basename(fd.name)=resolv.conf` | `-p '%evt.num %fd.name' 'fd.name contains resolv'`, last component |
//! | `proc.name=val(proc.pname)` | `-p '%evt.num\|%proc.name\|%proc.pname'`, equal columns |
//! | `fd.sport<val(fd.cport)` | `-p '%evt.num %fd.sport %fd.cport'`, first number smaller |
//!
//! A result is checked by its count, the sum of its event numbers and its first three
//! event numbers.

mod support;

use support::{Job, run, seed, shared};

/// (filter, count, sum of evt.num, first three evt.num).
const CASES: &[(&str, usize, u64, &[u64])] = &[
    ("proc.name==curl", 1280, 33_574_556, &[8643, 8645, 8646]),
    ("evt.buffer bcontains 48545450", 617, 38_538_600, &[409, 411, 552]),
    ("evt.buffer bstartswith 474554", 237, 14_151_359, &[409, 552, 1564]),
    ("proc.name iglob 'KUBE*'", 1016, 63_592_929, &[1718, 1719, 1720]),
    ("proc.name regex 'c.rl|ngin.'", 1316, 37_464_888, &[8643, 8645, 8646]),
    ("proc.name intersects (curl, nginx)", 1316, 37_464_888, &[8643, 8645, 8646]),
    ("evt.buffer icontains 'KEY NOT FOUND'", 12, 139_670, &[2091, 2102, 3219]),
    ("tolower(proc.name)=curl", 1280, 33_574_556, &[8643, 8645, 8646]),
    ("toupper(proc.name)=NGINX", 36, 3_890_332, &[108_003, 108_004, 108_005]),
    ("len(proc.name)>=15", 29_176, 2_191_511_681, &[30, 31, 32]),
    ("basename(fd.name)=resolv.conf", 18, 179_430, &[9910, 9911, 9912]),
    ("proc.name=val(proc.pname)", 2219, 147_901_820, &[5552, 5553, 5554]),
    ("fd.sport<val(fd.cport)", 2060, 120_267_182, &[391, 408, 409]),
];

#[test]
fn newer_operators_on_the_seed_capture() {
    let Some(shared) = shared() else { return };
    let jobs: Vec<Job> = CASES.iter().map(|c| Job::new("%evt.num", c.0)).collect();
    let outputs = run(&seed(&shared), &jobs);
    let mut failures = Vec::new();
    for (&(filter, count, sum, first), out) in CASES.iter().zip(outputs) {
        let out = out.unwrap_or_else(|e| panic!("{filter}: {e}"));
        let nums: Vec<u64> = String::from_utf8_lossy(&out)
            .lines()
            .map(|l| l.parse().unwrap_or_else(|_| panic!("{filter}: bad line {l:?}")))
            .collect();
        let got = (
            nums.len(),
            nums.iter().sum::<u64>(),
            nums.iter().take(3).copied().collect::<Vec<_>>(),
        );
        if got != (count, sum, first.to_vec()) {
            failures.push(format!("{filter}: got {got:?}, want {:?}", (count, sum, first)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
