//! A labelled podman container (the recipe of shared/docs/containers.md) is
//! captured: its events carry its container id, and a container JSON event
//! with its name, image and Kubernetes labels is injected; sysdig 0.29.3
//! shows the same after reading the written capture. Needs root, BTF,
//! podman, runc and busybox-static. Everything started is removed by
//! `PodmanEnv::drop`, also when the test fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use probe::{ContainerOptions, LiveCapture};
use scap::table::ids;
use scap::{Compression, Writer};

/// A private podman state directory, an imported busybox image, the API
/// service and the containers; torn down on drop.
struct PodmanEnv {
    dir: PathBuf,
    service: Option<Child>,
}

impl PodmanEnv {
    fn podman(&self) -> Command {
        let mut c = Command::new("podman");
        c.env("CONTAINERS_STORAGE_CONF", self.dir.join("storage.conf"))
            .env("CONTAINERS_CONF", self.dir.join("containers.conf"));
        c
    }

    fn run(&self, args: &[&str]) -> String {
        let out = self.podman().args(args).output().expect("running podman");
        assert!(out.status.success(), "podman {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn socket(&self) -> PathBuf {
        self.dir.join("podman.sock")
    }

    fn new() -> PodmanEnv {
        let dir = std::env::temp_dir().join(format!("sysray-ctr-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let d = dir.display();
        std::fs::write(
            dir.join("storage.conf"),
            format!("[storage]\ndriver = \"overlay\"\ngraphroot = \"{d}/storage\"\nrunroot = \"{d}/run\"\n"),
        )
        .unwrap();
        std::fs::write(
            dir.join("containers.conf"),
            format!(
                "[containers]\ndefault_ulimits = [\"nofile=20000:20000\", \"nproc=32768:32768\"]\n\
                 [engine]\nruntime = \"runc\"\ncgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\n\
                 events_logfile_path = \"{d}/events.log\"\ntmp_dir = \"{d}/libpod-tmp\"\n\
                 [network]\nnetwork_config_dir = \"{d}/networks\"\n"
            ),
        )
        .unwrap();
        let env = PodmanEnv { dir, service: None };
        // A busybox root filesystem, imported as localhost/busybox:test.
        let root = env.dir.join("rootfs");
        for sub in ["bin", "etc", "proc", "sys", "dev", "tmp", "root"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        std::fs::copy("/bin/busybox", root.join("bin/busybox")).unwrap();
        let list = Command::new("/bin/busybox").arg("--list").output().unwrap();
        for applet in String::from_utf8_lossy(&list.stdout).lines() {
            if applet != "busybox" && !applet.is_empty() {
                let _ = std::os::unix::fs::symlink("busybox", root.join("bin").join(applet));
            }
        }
        std::fs::write(root.join("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n").unwrap();
        std::fs::write(root.join("etc/group"), "root:x:0:\n").unwrap();
        let mut tar = Command::new("tar")
            .arg("-C")
            .arg(&root)
            .args(["-c", "."])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let import = env
            .podman()
            .args(["import", "-q", "--change", "ENV PATH=/bin", "--change", "CMD [\"/bin/sh\"]"])
            .args(["-", "localhost/busybox:test"])
            .stdin(tar.stdout.take().unwrap())
            .output()
            .unwrap();
        assert!(tar.wait().unwrap().success(), "tar of the rootfs failed");
        assert!(import.status.success(), "import: {}", String::from_utf8_lossy(&import.stderr));
        env
    }

    fn start_service(&mut self) {
        let sock = format!("unix://{}", self.socket().display());
        let child = self
            .podman()
            .args(["system", "service", "--time=0", &sock])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        self.service = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.socket().exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(self.socket().exists(), "podman service did not start");
    }
}

impl Drop for PodmanEnv {
    fn drop(&mut self) {
        let _ = self.podman().args(["rm", "-f", "-a", "-t", "0"]).output();
        let _ = self.podman().args(["pod", "rm", "-f", "-a", "-t", "0"]).output();
        if let Some(mut s) = self.service.take() {
            let _ = s.kill();
            let _ = s.wait();
        }
        let _ = self.podman().args(["system", "reset", "-f"]).output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn tools_available(test: &str) -> bool {
    let have = |p: &str| Path::new(p).exists();
    let missing: Vec<&str> =
        [("podman", "/usr/bin/podman"), ("runc", "/usr/sbin/runc"), ("busybox", "/bin/busybox")]
            .iter()
            .filter(|(_, p)| !have(p) && !have(&p.replace("/usr/sbin", "/usr/bin")))
            .map(|(n, _)| *n)
            .collect();
    if missing.is_empty() {
        return true;
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{test}: missing {missing:?} under CI (apt-get install podman runc busybox-static)");
    }
    eprintln!("skipping {test}: missing {missing:?}");
    false
}

#[test]
fn live_podman_container_metadata() {
    let test = "live_podman_container_metadata";
    if !live_supported(test) || !tools_available(test) {
        return;
    }
    let mut env = PodmanEnv::new();
    env.start_service();
    let full_id = env.run(&[
        "run",
        "-d",
        "--init",
        "--network",
        "none",
        "--name",
        "client",
        "--label",
        "io.kubernetes.pod.name=client",
        "--label",
        "io.kubernetes.pod.namespace=critical-app",
        "localhost/busybox:test",
        "sh",
        "-c",
        "while true; do cat /etc/hostname > /dev/null; sleep 0.2; done",
    ]);
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
    // there. sysray's engine reads both.
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
