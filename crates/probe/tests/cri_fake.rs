//! The CRI client against a fake `RuntimeService` served by tonic on a unix
//! socket (no container runtime needed).

use std::collections::HashMap;
use std::convert::Infallible;
use std::task::{Context, Poll};
use std::time::Duration;

use probe::containers::cri::{
    ContainerMetadata, ContainerStatus, ContainerStatusRequest, ContainerStatusResponse, CriClient,
    ImageSpec,
};
use tonic::body::Body;
use tonic::codegen::http;
use tonic::server::NamedService;

/// Answers `ContainerStatus` for one id; everything else is unimplemented.
#[derive(Clone)]
struct FakeRuntime;

impl NamedService for FakeRuntime {
    const NAME: &'static str = "runtime.v1.RuntimeService";
}

struct StatusHandler;

impl tonic::server::UnaryService<ContainerStatusRequest> for StatusHandler {
    type Response = ContainerStatusResponse;
    type Future = std::future::Ready<Result<tonic::Response<Self::Response>, tonic::Status>>;

    fn call(&mut self, req: tonic::Request<ContainerStatusRequest>) -> Self::Future {
        let id = req.into_inner().container_id;
        if !id.starts_with("c0ffee") {
            return std::future::ready(Err(tonic::Status::not_found(id)));
        }
        let mut labels = HashMap::new();
        labels.insert("io.kubernetes.pod.name".to_string(), "client".to_string());
        labels.insert("io.kubernetes.pod.namespace".to_string(), "critical-app".to_string());
        let status = ContainerStatus {
            id,
            metadata: Some(ContainerMetadata { name: "client".into(), attempt: 0 }),
            image: Some(ImageSpec { image: "localhost/busybox:test".into() }),
            image_ref: "sha256:abcd".into(),
            labels,
            ..ContainerStatus::default()
        };
        std::future::ready(Ok(tonic::Response::new(ContainerStatusResponse {
            status: Some(status),
            info: HashMap::new(),
        })))
    }
}

impl tower::Service<http::Request<Body>> for FakeRuntime {
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Self::Response, Infallible>> + Send>,
    >;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: http::Request<Body>) -> Self::Future {
        Box::pin(async move {
            if req.uri().path() == "/runtime.v1.RuntimeService/ContainerStatus" {
                let codec = tonic_prost::ProstCodec::<
                    ContainerStatusResponse,
                    ContainerStatusRequest,
                >::default();
                let mut grpc = tonic::server::Grpc::new(codec);
                Ok(grpc.unary(StatusHandler, req).await)
            } else {
                Ok(tonic::Status::unimplemented(req.uri().path().to_string()).into_http())
            }
        })
    }
}

#[test]
fn cri_container_status_is_read() {
    let dir = std::env::temp_dir().join(format!("sysray-cri-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sock = dir.join("cri.sock");
    let _ = std::fs::remove_file(&sock);
    let rt =
        tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let listener = {
        let _g = rt.enter();
        tokio::net::UnixListener::bind(&sock).unwrap()
    };
    rt.spawn(async move {
        let incoming = tokio_stream::wrappers::UnixListenerStream::new(listener);
        tonic::transport::Server::builder()
            .add_service(FakeRuntime)
            .serve_with_incoming(incoming)
            .await
            .unwrap();
    });

    let mut client = CriClient::new();
    let meta = client.inspect(&sock, "c0ffee0123", Duration::from_secs(5)).unwrap();
    assert_eq!(meta.name, "client");
    assert_eq!(meta.image, "localhost/busybox:test");
    assert_eq!(meta.image_id, "abcd");
    assert_eq!(meta.labels["io.kubernetes.pod.namespace"], "critical-app");
    let err = client.inspect(&sock, "deadbeef", Duration::from_secs(5)).unwrap_err();
    assert_eq!(err.code(), tonic::Code::NotFound);
    drop(rt);
    std::fs::remove_dir_all(&dir).unwrap();
}
