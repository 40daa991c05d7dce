//! CRI (`runtime.v1.RuntimeService/ContainerStatus`) lookups for containerd
//! and CRI-O, over their unix sockets.
//!
//! Crate choice: tonic's gRPC client (with the `channel` feature only) on a
//! current-thread tokio runtime that lives on the lookup thread. A
//! hand-rolled HTTP/2 client would avoid tokio, but it would have to
//! implement HPACK and flow control correctly against real servers; the
//! maintained stack costs build time only. The three messages are declared
//! with prost's derive (field numbers of cri-api's `api.proto`), so no
//! `protoc` is needed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use hyper_util::rt::TokioIo;
use tonic::codegen::http::uri::PathAndQuery;
use tonic::transport::{Endpoint, Uri};

use super::ContainerMeta;

/// `ContainerStatusRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct ContainerStatusRequest {
    /// Full or unique-prefix container id.
    #[prost(string, tag = "1")]
    pub container_id: String,
    /// Ask for the runtime's verbose `info` map.
    #[prost(bool, tag = "2")]
    pub verbose: bool,
}

/// `ContainerStatusResponse`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct ContainerStatusResponse {
    /// The status.
    #[prost(message, optional, tag = "1")]
    pub status: Option<ContainerStatus>,
    /// Verbose runtime information.
    #[prost(map = "string, string", tag = "2")]
    pub info: HashMap<String, String>,
}

/// `ContainerStatus` (the fields sysray reads).
#[derive(Clone, PartialEq, prost::Message)]
pub struct ContainerStatus {
    /// Full id.
    #[prost(string, tag = "1")]
    pub id: String,
    /// Name and attempt.
    #[prost(message, optional, tag = "2")]
    pub metadata: Option<ContainerMetadata>,
    /// Creation time, ns since the epoch.
    #[prost(int64, tag = "4")]
    pub created_at: i64,
    /// Image as requested.
    #[prost(message, optional, tag = "8")]
    pub image: Option<ImageSpec>,
    /// Image reference (digest or id).
    #[prost(string, tag = "9")]
    pub image_ref: String,
    /// Labels (kubelet puts `io.kubernetes.pod.*` here).
    #[prost(map = "string, string", tag = "12")]
    pub labels: HashMap<String, String>,
    /// Annotations (containerd puts `io.kubernetes.cri.sandbox-*` here).
    #[prost(map = "string, string", tag = "13")]
    pub annotations: HashMap<String, String>,
}

/// `ContainerMetadata`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct ContainerMetadata {
    /// Name.
    #[prost(string, tag = "1")]
    pub name: String,
    /// Restart attempt.
    #[prost(uint32, tag = "2")]
    pub attempt: u32,
}

/// `ImageSpec`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct ImageSpec {
    /// Image name.
    #[prost(string, tag = "1")]
    pub image: String,
}

/// gRPC paths tried in order (CRI v1, then the v1alpha2 older runtimes serve).
const PATHS: [&str; 2] = [
    "/runtime.v1.RuntimeService/ContainerStatus",
    "/runtime.v1alpha2.RuntimeService/ContainerStatus",
];

/// What a CRI answer says, as sysray's container metadata.
pub fn meta_from_status(s: &ContainerStatus) -> ContainerMeta {
    let mut labels: std::collections::BTreeMap<String, String> =
        s.labels.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (annotation, label) in [
        ("io.kubernetes.cri.sandbox-name", "io.kubernetes.pod.name"),
        ("io.kubernetes.cri.sandbox-namespace", "io.kubernetes.pod.namespace"),
        ("io.kubernetes.cri.sandbox-uid", "io.kubernetes.pod.uid"),
    ] {
        if let Some(v) = s.annotations.get(annotation) {
            labels.entry(label.to_string()).or_insert_with(|| v.clone());
        }
    }
    ContainerMeta {
        name: s.metadata.as_ref().map(|m| m.name.clone()).unwrap_or_default(),
        image: s.image.as_ref().map(|i| i.image.clone()).unwrap_or_default(),
        image_id: s.image_ref.trim_start_matches("sha256:").to_string(),
        labels,
        privileged: false,
        ip: String::new(),
    }
}

async fn status(socket: PathBuf, id: String) -> Result<ContainerStatus, tonic::Status> {
    // The authority is ignored: the connector always dials the unix socket.
    let channel = Endpoint::from_static("http://cri.sock")
        .connect_with_connector(tower::service_fn(move |_: Uri| {
            let socket = socket.clone();
            async move {
                Ok::<_, std::io::Error>(TokioIo::new(
                    tokio::net::UnixStream::connect(socket).await?,
                ))
            }
        }))
        .await
        .map_err(|e| tonic::Status::unavailable(e.to_string()))?;
    let mut last = tonic::Status::unimplemented("no CRI version answered");
    for path in PATHS {
        let mut grpc = tonic::client::Grpc::new(channel.clone());
        grpc.ready().await.map_err(|e| tonic::Status::unavailable(e.to_string()))?;
        let req = ContainerStatusRequest { container_id: id.clone(), verbose: false };
        let codec =
            tonic_prost::ProstCodec::<ContainerStatusRequest, ContainerStatusResponse>::default();
        match grpc.unary(tonic::Request::new(req), PathAndQuery::from_static(path), codec).await {
            Ok(resp) => {
                return resp
                    .into_inner()
                    .status
                    .ok_or_else(|| tonic::Status::not_found("empty ContainerStatusResponse"));
            }
            Err(e) if e.code() == tonic::Code::Unimplemented => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// A CRI client bound to one lookup thread.
pub struct CriClient {
    runtime: Option<tokio::runtime::Runtime>,
}

impl CriClient {
    /// A client; its runtime is created on first use.
    pub fn new() -> CriClient {
        CriClient { runtime: None }
    }

    /// `ContainerStatus` of `id` on `socket`, within `timeout`.
    pub fn inspect(
        &mut self,
        socket: &Path,
        id: &str,
        timeout: Duration,
    ) -> Result<ContainerMeta, tonic::Status> {
        if self.runtime.is_none() {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| tonic::Status::internal(e.to_string()))?;
            self.runtime = Some(rt);
        }
        let Some(rt) = &self.runtime else { return Err(tonic::Status::internal("no runtime")) };
        let fut = status(socket.to_path_buf(), id.to_string());
        let s = rt
            .block_on(async { tokio::time::timeout(timeout, fut).await })
            .map_err(|_| tonic::Status::deadline_exceeded("CRI lookup timed out"))??;
        Ok(meta_from_status(&s))
    }
}

impl Default for CriClient {
    fn default() -> Self {
        CriClient::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_fill_missing_pod_labels() {
        let mut s = ContainerStatus {
            id: "abc".into(),
            metadata: Some(ContainerMetadata { name: "client".into(), attempt: 0 }),
            image: Some(ImageSpec { image: "localhost/busybox:test".into() }),
            image_ref: "sha256:ff00".into(),
            ..ContainerStatus::default()
        };
        s.annotations.insert("io.kubernetes.cri.sandbox-name".into(), "client-pod".into());
        s.annotations.insert("io.kubernetes.cri.sandbox-namespace".into(), "critical-app".into());
        s.labels.insert("io.kubernetes.pod.name".into(), "from-label".into());
        let m = meta_from_status(&s);
        assert_eq!(m.name, "client");
        assert_eq!(m.image_id, "ff00");
        assert_eq!(m.labels["io.kubernetes.pod.name"], "from-label");
        assert_eq!(m.labels["io.kubernetes.pod.namespace"], "critical-app");
    }

    #[test]
    fn a_missing_socket_fails_fast() {
        let mut c = CriClient::new();
        let err = c
            .inspect(Path::new("/nonexistent/cri.sock"), "abc", Duration::from_millis(500))
            .unwrap_err();
        assert!(matches!(err.code(), tonic::Code::Unavailable | tonic::Code::DeadlineExceeded));
    }
}
