//! A labelled podman container (the recipe of shared/docs/containers.md) is
//! captured: its events carry its container id, and a container JSON event
//! with its name, image and Kubernetes labels is injected; sysdig 0.29.3
//! shows the same after reading the written capture. Needs root, BTF,
//! podman, runc and busybox-static. Everything started is removed by
//! `PodmanEnv::drop`, also when the test fails.

mod common;
mod podman_env;

use std::process::Command;
use std::time::{Duration, Instant};

use common::*;
use podman_env::{PodmanEnv, tools_available};
use probe::{ContainerOptions, LiveCapture};
use scap::table::ids;
use scap::{Compression, Writer};

#[test]
fn live_podman_container_metadata() {
    let test = "live_podman_container_metadata";
    if !live_supported(test) || !tools_available(test) {
        return;
    }
    let mut env = PodmanEnv::new();
    env.start_service();
    let full_id = env.run_client(
        &["-d", "--init"],
        "while true; do cat /etc/hostname > /dev/null; sleep 0.2; done",
    );
    assert_eq!(full_id.len(), 64, "container id: {full_id}");
    let short = &full_id[..12];

    let opts = ContainerOptions {
        docker_sockets: vec![env.socket()],
        cri_sockets: Vec::new(),
        timeout: Duration::from_secs(3),
    };
    let mut cap = LiveCapture::builder().containers(Some(opts)).build().unwrap();
    // The container's processes are in the initial state with their cgroups.
    let in_container: Vec<u64> = cap
        .metadata()
        .threads
        .iter()
        .filter(|t| String::from_utf8_lossy(&t.cgroups).contains(&full_id))
        .map(|t| t.tid)
        .collect();
    assert!(!in_container.is_empty(), "no thread of the container in /proc");

    let dir = env.dir.join("out");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("podman.scap");
    let mut w = Writer::create(&file, Compression::None).unwrap();
    w.write_metadata(cap.metadata()).unwrap();
    let start = Instant::now();
    let events =
        collect(&mut cap, || start.elapsed() > Duration::from_secs(2), Duration::ZERO, |_| true);
    for ev in &events {
        w.write_event(&ev.as_event()).unwrap();
    }
    w.finish().unwrap();

    // The container JSON event, with name, image and labels, comes first:
    // the container ran before the capture started.
    let json_ev = events
        .iter()
        .take_while(|e| e.as_event().event_type() == ids::CONTAINER_JSON_2_E)
        .find(|e| param_str(e, "json").is_some_and(|j| j.contains(&full_id)))
        .expect("leading container JSON event");
    let text = param_str(json_ev, "json").unwrap();
    let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    let c = &v["container"];
    assert_eq!(c["id"], short);
    assert_eq!(c["name"], "client");
    assert_eq!(c["image"], "localhost/busybox:test");
    assert_eq!(c["type"], 11, "podman");
    assert_eq!(c["labels"]["io.kubernetes.pod.name"], "client");
    assert_eq!(c["labels"]["io.kubernetes.pod.namespace"], "critical-app");

    // New processes in the container carry its cgroups in clone/execve.
    let forked = events.iter().find(|e| {
        let t = e.as_event().event_type();
        (t == ids::SYSCALL_CLONE_20_X || t == ids::SYSCALL_EXECVE_19_X)
            && param(e, "cgroups").is_some_and(|c| String::from_utf8_lossy(c).contains(&full_id))
    });
    assert!(forked.is_some(), "no clone/execve event with the container's cgroups");

    // sysdig reads the capture and sees the container's processes with their
    // cgroups. Known divergence: sysdig 0.29.3 attributes podman threads to
    // their container only for the systemd cgroup layout
    // (`/libpod-<id>.scope`, podman.cpp ROOT_PODMAN_CGROUP_LAYOUT); podman's
    // cgroupfs layout used here (`/libpod_parent/libpod-<id>`) shows `host`
    // there. sysray's engine reads both (crates/cli/tests/live_podman.rs).
    let out = Command::new("/usr/bin/sysdig")
        .env("TZ", "UTC")
        .arg("-r")
        .arg(&file)
        .args(["-p", "%proc.exe %evt.args", "evt.type=execve and evt.dir=<"])
        .output()
        .unwrap();
    assert!(out.status.success(), "sysdig: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let marker = format!("libpod-{}", &full_id[..40]);
    assert!(
        text.lines().any(|l| l.starts_with("cat ") && l.contains(&marker)),
        "sysdig printed: {}",
        &text[..text.len().min(2000)]
    );
}
