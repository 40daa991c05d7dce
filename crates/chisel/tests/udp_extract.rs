//! udp_extract writes one file per UDP connection into ./udp_dump_files (its
//! own test binary: it changes the working directory). Expected: the files
//! sysdig 0.29.3 writes for the seed capture (18 files, 3,473 bytes), checked
//! by names, then contents, hashed together in name order.

mod common;

use chisel::SearchPath;

#[test]
fn chisel_udp_extract_writes_sysdigs_files() {
    let Some(seed) = common::seed() else { return };
    let dir = std::env::temp_dir().join(format!("sysray-udp-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::env::set_current_dir(&dir).unwrap();
    let args: Vec<String> =
        ["-r", seed.to_str().unwrap(), "-c", "udp_extract"].iter().map(|s| s.to_string()).collect();
    let r = common::run_args(&args, SearchPath::embedded_only());
    assert_eq!(r.error, None);
    assert!(r.stdout.is_empty());
    let mut names: Vec<String> = std::fs::read_dir(dir.join("udp_dump_files"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut all = Vec::new();
    for n in &names {
        all.extend_from_slice(n.as_bytes());
        all.push(b'\n');
        all.extend_from_slice(&std::fs::read(dir.join("udp_dump_files").join(n)).unwrap());
    }
    let h = all
        .iter()
        .fold(0xcbf29ce484222325u64, |h, &c| (h ^ u64::from(c)).wrapping_mul(0x100000001b3));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(names.len(), 18);
    assert_eq!(h, 0x4953ba6f068a57b5);
}
