//! A private podman environment for tests (the recipe of
//! shared/docs/containers.md): its own storage and configuration, a busybox
//! image imported as `localhost/busybox:test`, the Docker-compatible API
//! service on demand. Everything is removed on drop, also when a test fails.
//! Shared by the probe and cli test suites (`#[path]`).

#![allow(dead_code, reason = "each test suite uses a part")]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A private podman state directory, an imported busybox image, the API
/// service and the containers; torn down on drop.
pub struct PodmanEnv {
    /// The private state directory.
    pub dir: PathBuf,
    service: Option<Child>,
}

impl PodmanEnv {
    /// A `podman` command using the private state.
    pub fn podman(&self) -> Command {
        let mut c = Command::new("podman");
        c.env("CONTAINERS_STORAGE_CONF", self.dir.join("storage.conf"))
            .env("CONTAINERS_CONF", self.dir.join("containers.conf"));
        c
    }

    /// Runs podman; its trimmed stdout. Panics when it fails.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self.podman().args(args).output().expect("running podman");
        assert!(out.status.success(), "podman {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The API socket of [`PodmanEnv::start_service`].
    pub fn socket(&self) -> PathBuf {
        self.dir.join("podman.sock")
    }

    /// Sets up the private state and imports the image.
    pub fn new() -> PodmanEnv {
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

    /// `podman run` of the test container: named `client`, labelled as pod
    /// `client` in namespace `critical-app`, no network, running `script` in
    /// busybox's `sh`; `extra` options go before the image. Podman's stdout.
    pub fn run_client(&self, extra: &[&str], script: &str) -> String {
        let mut args = vec!["run", "--network", "none", "--name", "client"];
        args.extend_from_slice(&["--label", "io.kubernetes.pod.name=client"]);
        args.extend_from_slice(&["--label", "io.kubernetes.pod.namespace=critical-app"]);
        args.extend_from_slice(extra);
        args.extend_from_slice(&["localhost/busybox:test", "sh", "-c", script]);
        self.run(&args)
    }

    /// Starts `podman system service` on [`PodmanEnv::socket`].
    pub fn start_service(&mut self) {
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

/// Whether podman, runc and busybox are installed (required under CI).
pub fn tools_available(test: &str) -> bool {
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
