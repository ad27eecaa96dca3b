//! Loopback ports and one-shot HTTP servers.

use std::io::{Read, Write};
use std::net::TcpListener;

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// `http://127.0.0.1:PORT` on a free port, for a server the test starts.
pub fn free_loopback_url() -> String {
    format!("http://127.0.0.1:{}", free_port())
}

/// Serves `body` to the first HTTP request on a loopback port, as a presigned URL ending in
/// `path_and_query` would; returns that URL.
pub fn serve_once(path_and_query: &str, body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}{path_and_query}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        if let Ok((mut socket, _)) = listener.accept() {
            let mut request = [0u8; 4096];
            let _ = socket.read(&mut request);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = socket.write_all(head.as_bytes());
            let _ = socket.write_all(&body);
        }
    });
    url
}
