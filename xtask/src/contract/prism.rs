//! Prism as a child process: started in its own process group on a free loopback port, awaited
//! until it answers HTTP, and stopped (the whole group) when dropped.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::cleanup;

/// How long Prism may take to start answering.
const STARTUP: Duration = Duration::from_secs(60);

/// Attempts when another process takes the chosen port first.
const PORT_ATTEMPTS: usize = 3;

/// Which responses Prism makes up.
#[derive(Debug, Clone, Copy)]
pub enum Responses {
    /// Examples from the spec, or one fixed example per schema (every property present).
    Static,
    /// Random schema-valid responses, reproducible from the seed.
    Dynamic { seed: u64 },
}

/// How to start Prism.
#[derive(Debug, Clone)]
pub struct Launch {
    /// Prism's launcher.
    pub bin: PathBuf,
    /// The spec to serve.
    pub spec: PathBuf,
    /// Static or dynamic responses.
    pub responses: Responses,
    /// Where its output goes.
    pub log: PathBuf,
}

/// A started Prism (see [`Prism::ready`]); dropping it stops it.
pub struct Prism {
    launch: Launch,
    child: Child,
    port: u16,
}

impl Prism {
    /// Starts `prism mock --errors` on a free loopback port without waiting for it, so the
    /// next round's server can start while the current round runs.
    pub fn spawn(launch: Launch) -> Result<Prism, String> {
        let port = free_port()?;
        let child = start(&launch, port)?;
        Ok(Prism {
            launch,
            child,
            port,
        })
    }

    /// Waits until Prism answers HTTP, starting it again on another port if another process
    /// took its port first; returns its base URL.
    pub fn ready(&mut self) -> Result<String, String> {
        self.ready_within(STARTUP)
    }

    /// [`Prism::ready`] for a spec Prism takes up to `startup` to load.
    pub fn ready_within(&mut self, startup: Duration) -> Result<String, String> {
        let mut attempt = 1;
        loop {
            match self.wait_until_answering(startup) {
                Ok(()) => return Ok(format!("http://127.0.0.1:{}", self.port)),
                Err(_)
                    if attempt < PORT_ATTEMPTS && log_mentions(&self.launch.log, "EADDRINUSE") =>
                {
                    attempt += 1;
                    cleanup::stop(&mut self.child, true);
                    self.port = free_port()?;
                    self.child = start(&self.launch, self.port)?;
                }
                Err(problem) => return Err(format!("{problem}\n{}", log_tail(&self.launch.log))),
            }
        }
    }

    fn wait_until_answering(&mut self, startup: Duration) -> Result<(), String> {
        let deadline = Instant::now() + startup;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("Prism exited before answering ({status})"));
            }
            if answers_http(self.port) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(format!(
            "Prism did not answer on port {} within {} s",
            self.port,
            startup.as_secs()
        ))
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        cleanup::stop(&mut self.child, true);
    }
}

fn start(launch: &Launch, port: u16) -> Result<Child, String> {
    let log = &launch.log;
    let out = File::create(log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
    let err = out
        .try_clone()
        .map_err(|e| format!("cannot share {}: {e}", log.display()))?;
    let mut command = Command::new(&launch.bin);
    command
        .args(["mock", "--host", "127.0.0.1", "--port", &port.to_string()])
        .arg("--errors")
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err);
    if let Responses::Dynamic { seed } = launch.responses {
        command.args(["--dynamic", "--seed", &seed.to_string()]);
    }
    command.arg(&launch.spec);
    own_process_group(&mut command);
    let child = command
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", launch.bin.display()))?;
    cleanup::register(&child, true);
    Ok(child)
}

/// Puts the child in a process group of its own, so Ctrl-C in the terminal reaches only us and
/// stopping the group stops whatever Prism started.
#[cfg(unix)]
fn own_process_group(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    command.process_group(0);
}

#[cfg(not(unix))]
fn own_process_group(_command: &mut Command) {}

/// A loopback port nobody listens on right now.
fn free_port() -> Result<u16, String> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|e| format!("cannot find a free loopback port: {e}"))
}

/// Whether an HTTP server answers on the loopback `port` (any status will do).
fn answers_http(port: u16) -> bool {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let Ok(mut stream) = TcpStream::connect_timeout(&address, Duration::from_millis(500)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    let mut start = [0u8; 5];
    stream.write_all(request).is_ok() && stream.read_exact(&mut start).is_ok() && &start == b"HTTP/"
}

fn log_mentions(log: &Path, needle: &str) -> bool {
    std::fs::read_to_string(log).is_ok_and(|text| text.contains(needle))
}

/// The last lines of Prism's log, to show why it did not start.
fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let tail = lines[lines.len().saturating_sub(15)..].join("\n    ");
    format!("Prism's log ({}):\n    {tail}", log.display())
}
