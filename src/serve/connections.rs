//! The connections the server holds: at most `Options::max_connections` at once, and none
//! held for ever by a client that stops. axum's `serve` takes every connection
//! and sets no timer, so hyper's header timeout never fires: 500 idle connections were all
//! kept. Here the server accepts them itself:
//!
//! - A connection beyond the limit is answered `503 Service Unavailable` at once (with
//!   `Retry-After: 1` and a message saying which limit) and closed; it never reaches the
//!   router. Waiting in a queue instead would let idle clients stall everyone behind them.
//! - A connection that sends no complete request head for `Limits::idle` is closed: hyper's
//!   header timeout, which also closes a kept-alive connection idle that long between requests.
//! - A request body that sends no data for that long fails (tower-http's body timeout; the
//!   handler answers 400), and a client that reads nothing of its answer for that long has its
//!   connection closed ([`Stall`]). So a slot is held only while a request is sent, run (its
//!   time limit ends any query) or read.
//!
//! Ctrl-C stops accepting and lets the connections under way finish ([`serve`]'s caller adds
//! the grace after which they are dropped).

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::Sleep;
use tower_http::timeout::TimeoutBody;

/// How long a refused connection is kept to hand over its 503 before it is closed.
const REFUSAL_LINGER: Duration = Duration::from_secs(5);

/// Most bytes read from a refused connection (so that closing it does not reset it before the
/// client has read the 503).
const REFUSAL_DRAIN: usize = 64 << 10;

/// What the connections may take.
#[derive(Debug, Clone)]
pub(super) struct Limits {
    /// Connections served at once (at least 1).
    pub max: usize,
    /// How long a client may send nothing of its request head or body, or read nothing of its
    /// answer, before its connection is closed.
    pub idle: Duration,
    /// The message a connection past `max` gets with its 503.
    pub refusal: String,
}

/// Serves `router` on the connections `listener` accepts, within `limits`, until `shutdown`;
/// then stops accepting and waits for the connections under way.
pub(super) async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let Limits { max, idle, refusal } = limits;
    let max = max.max(1);
    let slots = Arc::new(Semaphore::new(max));
    let refusal: Arc<str> = refusal.into();
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(idle);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            tracing::warn!(%peer, limit = max, "connection refused: as many open as the limit");
            tokio::spawn(refuse(stream, refusal.clone()));
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = router.clone();
        let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let mut request = request.map(|body| TimeoutBody::new(idle, body));
            request.extensions_mut().insert(ConnectInfo(peer));
            tower_service::Service::call(&mut app.clone(), request)
        });
        let connection = http.serve_connection(TokioIo::new(Stall::new(stream, idle)), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

/// After a failed accept: a connection that went away before it was taken is nothing; anything
/// else (out of file descriptors) is logged and waited out for a moment, as axum does.
async fn accept_failed(e: io::Error) {
    if matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    ) {
        return;
    }
    tracing::error!("accepting a connection failed: {e}");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// Answers a connection past the limit with a 503 and closes it, reading what the client sent
/// meanwhile (at most [`REFUSAL_DRAIN`] bytes for at most [`REFUSAL_LINGER`]).
async fn refuse(mut stream: TcpStream, message: Arc<str>) {
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\nretry-after: 1\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{message}",
        message.len()
    );
    let _ = tokio::time::timeout(REFUSAL_LINGER, async {
        stream.write_all(answer.as_bytes()).await?;
        stream.shutdown().await?;
        let mut sink = [0u8; 4096];
        let mut read = 0;
        while read < REFUSAL_DRAIN {
            match stream.read(&mut sink).await? {
                0 => break,
                n => read += n,
            }
        }
        io::Result::Ok(())
    })
    .await;
}

/// A connection whose writes fail once the client has taken none of them for `idle`: a client
/// that asks and never reads its answer cannot hold its slot. Reads pass through unchanged
/// (hyper's header timeout and the body timeout bound those).
#[derive(Debug)]
pub(super) struct Stall<Io> {
    io: Io,
    idle: Duration,
    /// Running while a write waits for the client; reset by any progress.
    timer: Option<Pin<Box<Sleep>>>,
}

impl<Io> Stall<Io> {
    pub(super) fn new(io: Io, idle: Duration) -> Self {
        Stall {
            io,
            idle,
            timer: None,
        }
    }

    /// A write's outcome, with the stall timer started, kept or cleared.
    fn watch<T>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        if poll.is_ready() {
            self.timer = None;
            return poll;
        }
        let idle = self.idle;
        let timer = self
            .timer
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(idle)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("the client read nothing for {} s", idle.as_secs()),
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<Io: AsyncRead + Unpin> AsyncRead for Stall<Io> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl<Io: AsyncWrite + Unpin> AsyncWrite for Stall<Io> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let poll = Pin::new(&mut self.io).poll_write(cx, buf);
        self.watch(cx, poll)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let poll = Pin::new(&mut self.io).poll_write_vectored(cx, bufs);
        self.watch(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let poll = Pin::new(&mut self.io).poll_flush(cx);
        self.watch(cx, poll)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let poll = Pin::new(&mut self.io).poll_shutdown(cx);
        self.watch(cx, poll)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_the_peer_never_reads_fails_and_one_it_reads_goes_through() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            // A pipe of 64 bytes: the 65th waits for the other end to read.
            let (ours, _theirs) = tokio::io::duplex(64);
            let mut stalled = Stall::new(ours, Duration::from_millis(50));
            let e = stalled
                .write_all(&[0u8; 1000])
                .await
                .expect_err("the other end never reads");
            assert_eq!(e.kind(), io::ErrorKind::TimedOut);

            let (ours, mut theirs_too) = tokio::io::duplex(64);
            let mut read = Stall::new(ours, Duration::from_secs(60));
            let reader = tokio::spawn(async move {
                let mut all = Vec::new();
                theirs_too.read_to_end(&mut all).await.map(|_| all.len())
            });
            read.write_all(&[1u8; 1000]).await.expect("read as written");
            read.shutdown().await.expect("closed");
            drop(read);
            assert_eq!(reader.await.expect("the reader ends").expect("read"), 1000);
        });
    }
}
