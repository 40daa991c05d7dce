fn main() {
    let r = scap::Reader::open("/work/shared/captures/k8s-dns-troubleshooting.scap").unwrap();
    for t in &r.metadata().threads {
        for f in &t.fds {
            let s = format!("{:?}", f);
            if s.contains("docker.sock") {
                println!("{} {s}", t.tid);
            }
        }
    }
}
