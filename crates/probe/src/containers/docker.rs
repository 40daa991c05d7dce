//! A small client for the Docker-compatible API (Docker, or Podman's
//! `podman system service`) over a unix socket.
//!
//! One blocking `GET /containers/<id>/json` per container, with HTTP/1.0 so
//! the server closes the connection after the response (no chunked decoding
//! needed for the body). It is ~80 lines; a general HTTP client (ureq has no
//! unix-socket transport, hyper needs tokio) would cost more than it saves.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use super::ContainerMeta;

/// Why a lookup failed.
#[derive(Debug)]
pub enum LookupError {
    /// Connecting or talking to the socket failed.
    Io(std::io::Error),
    /// The server answered with this status.
    Status(u16),
    /// The answer was not the JSON expected.
    BadResponse(String),
}

impl std::fmt::Display for LookupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LookupError::Io(e) => write!(f, "container API socket: {e}"),
            LookupError::Status(s) => write!(f, "container API answered HTTP {s}"),
            LookupError::BadResponse(what) => write!(f, "container API answer: {what}"),
        }
    }
}

/// `GET path` on the unix socket, returning the status and the body.
pub fn get(socket: &Path, path: &str, timeout: Duration) -> Result<(u16, Vec<u8>), LookupError> {
    let mut s = UnixStream::connect(socket).map_err(LookupError::Io)?;
    s.set_read_timeout(Some(timeout)).map_err(LookupError::Io)?;
    s.set_write_timeout(Some(timeout)).map_err(LookupError::Io)?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: docker\r\nAccept: application/json\r\n\r\n")
        .map_err(LookupError::Io)?;
    let mut resp = Vec::new();
    s.read_to_end(&mut resp).map_err(LookupError::Io)?;
    let head_end = resp
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| LookupError::BadResponse("no end of headers".into()))?;
    let head = String::from_utf8_lossy(&resp[..head_end]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| LookupError::BadResponse(format!("bad status line: {head}")))?;
    let body = resp.split_off(head_end + 4);
    let chunked = head.lines().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("transfer-encoding:") && l.contains("chunked")
    });
    Ok((status, if chunked { dechunk(&body) } else { body }))
}

/// Decodes a chunked body (some servers answer HTTP/1.0 requests with it).
fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&b[..eol])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next().unwrap_or("").trim(), 16).ok());
        let Some(size) = size.filter(|&n| n > 0) else { break };
        let Some(chunk) = b.get(eol + 2..eol + 2 + size) else { break };
        out.extend_from_slice(chunk);
        b = b.get(eol + 4 + size..).unwrap_or_default();
    }
    out
}

fn str_of(v: &Value, path: &[&str]) -> String {
    let mut cur = v;
    for p in path {
        cur = &cur[*p];
    }
    cur.as_str().unwrap_or_default().to_string()
}

/// Parses the answer of `/containers/<id>/json`.
pub fn parse_inspect(body: &[u8]) -> Result<ContainerMeta, LookupError> {
    let v: Value =
        serde_json::from_slice(body).map_err(|e| LookupError::BadResponse(e.to_string()))?;
    let labels = v["Config"]["Labels"]
        .as_object()
        .map(|m| {
            m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect()
        })
        .unwrap_or_default();
    let name = str_of(&v, &["Name"]);
    Ok(ContainerMeta {
        name: name.strip_prefix('/').unwrap_or(&name).to_string(),
        image: str_of(&v, &["Config", "Image"]),
        image_id: str_of(&v, &["Image"]).trim_start_matches("sha256:").to_string(),
        labels,
        privileged: v["HostConfig"]["Privileged"].as_bool().unwrap_or(false),
        ip: str_of(&v, &["NetworkSettings", "IPAddress"]),
    })
}

/// Inspects container `id` through the API socket.
pub fn inspect(socket: &Path, id: &str, timeout: Duration) -> Result<ContainerMeta, LookupError> {
    let (status, body) = get(socket, &format!("/v1.24/containers/{id}/json"), timeout)?;
    if status != 200 {
        return Err(LookupError::Status(status));
    }
    parse_inspect(&body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inspect_answers_parse() {
        let body = br#"{"Id":"abc","Name":"/client","Image":"sha256:0123","Config":{"Image":"localhost/busybox:test","Labels":{"io.kubernetes.pod.name":"client"}},"HostConfig":{"Privileged":false},"NetworkSettings":{"IPAddress":""}}"#;
        let m = parse_inspect(body).unwrap();
        assert_eq!(m.name, "client");
        assert_eq!(m.image, "localhost/busybox:test");
        assert_eq!(m.image_id, "0123");
        assert_eq!(m.labels.get("io.kubernetes.pod.name").map(String::as_str), Some("client"));
        let err = parse_inspect(b"not json").unwrap_err();
        assert!(err.to_string().starts_with("container API answer"));
    }

    #[test]
    fn chunked_bodies_decode() {
        assert_eq!(dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"), b"abcde");
    }

    #[test]
    fn a_fake_server_is_queried() {
        let dir = std::env::temp_dir().join(format!("probe-docker-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let sock = dir.join("api.sock");
        let _ = std::fs::remove_file(&sock);
        let listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
        let server = std::thread::spawn(move || {
            let (mut c, _) = listener.accept().unwrap();
            let mut req = [0u8; 512];
            let n = c.read(&mut req).unwrap();
            let req = String::from_utf8_lossy(&req[..n]).to_string();
            let body =
                r#"{"Name":"/web","Image":"sha256:ff","Config":{"Image":"nginx","Labels":{}}}"#;
            write!(c, "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{body}").unwrap();
            req
        });
        let m = inspect(&sock, "0123456789ab", Duration::from_secs(2)).unwrap();
        assert_eq!(m.name, "web");
        assert!(server.join().unwrap().starts_with("GET /v1.24/containers/0123456789ab/json"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
