//! Wall time, CPU time and peak memory of a step: of a child process (with every descendant it
//! waited for, as `wait4` reports them: cargo's rustc runs included), or of work done inside this
//! process (`getrusage`, so its peak is this process's peak so far). Linux starts a child's peak
//! at this process's peak when it is spawned, so a child's peak no higher than that is shown as
//! "at most" it: the child's own is smaller, and unknown.

use std::fmt;
use std::process::{Child, Command, ExitStatus};
use std::time::{Duration, Instant};

use crate::contract::cleanup;

/// What a step cost.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    /// Elapsed time.
    pub wall: Duration,
    /// User plus system CPU time (unknown off Unix).
    pub cpu: Option<Duration>,
    /// Largest resident set size (unknown off Unix).
    pub peak_bytes: Option<u64>,
    /// Whether [`Usage::peak_bytes`] is only an upper bound (see the module docs).
    pub peak_at_most: bool,
}

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1} s wall", self.wall.as_secs_f64())?;
        if let Some(cpu) = self.cpu {
            write!(f, ", {:.1} s CPU", cpu.as_secs_f64())?;
        }
        if let Some(peak) = self.peak_bytes {
            let at_most = if self.peak_at_most { "at most " } else { "" };
            write!(f, ", {at_most}{:.2} GB peak", peak as f64 / 1e9)?;
        }
        Ok(())
    }
}

/// Runs `command` to completion (registered for [`cleanup`] while it runs).
pub fn run(command: &mut Command) -> Result<(ExitStatus, Usage), String> {
    let started = Instant::now();
    let own_peak = own_costs().map(|(_, peak)| peak);
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    cleanup::register(&child, false);
    let waited = wait(&mut child);
    cleanup::forget(&child);
    let (status, cpu, peak_bytes) =
        waited.map_err(|e| format!("cannot wait for {program}: {e}"))?;
    let usage = Usage {
        wall: started.elapsed(),
        cpu,
        peak_bytes,
        peak_at_most: peak_bytes
            .zip(own_peak)
            .is_some_and(|(child, own)| child <= own),
    };
    Ok((status, usage))
}

/// Runs `work` in this process.
pub fn in_process<T>(work: impl FnOnce() -> T) -> (T, Usage) {
    let started = Instant::now();
    let before = own_costs();
    let value = work();
    let after = own_costs();
    let usage = Usage {
        wall: started.elapsed(),
        cpu: after
            .zip(before)
            .map(|((after, _), (before, _))| after - before),
        peak_bytes: after.map(|(_, peak)| peak),
        peak_at_most: false,
    };
    (value, usage)
}

/// Reaps `child` with its CPU time and peak memory.
#[cfg(unix)]
fn wait(child: &mut Child) -> std::io::Result<(ExitStatus, Option<Duration>, Option<u64>)> {
    use nix::libc;
    use std::os::unix::process::ExitStatusExt;
    let pid = libc::pid_t::try_from(child.id()).map_err(std::io::Error::other)?;
    let mut status = 0;
    // SAFETY: `rusage` is plain old data, for which all zero bytes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our own child, not reaped yet (`Child` reaps only in `wait` and
        // `try_wait`, never called on it); both pointers are to live locals of the right types.
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if reaped == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error);
        }
    }
    let (cpu, peak) = costs(&usage);
    Ok((ExitStatus::from_raw(status), Some(cpu), Some(peak)))
}

#[cfg(not(unix))]
fn wait(child: &mut Child) -> std::io::Result<(ExitStatus, Option<Duration>, Option<u64>)> {
    Ok((child.wait()?, None, None))
}

/// This process's CPU time and peak memory so far.
#[cfg(unix)]
fn own_costs() -> Option<(Duration, u64)> {
    use nix::sys::resource::{getrusage, UsageWho};
    let usage = getrusage(UsageWho::RUSAGE_SELF).ok()?;
    Some(costs(usage.as_ref()))
}

#[cfg(not(unix))]
fn own_costs() -> Option<(Duration, u64)> {
    None
}

/// User plus system CPU time, and the peak resident set size in bytes (`ru_maxrss` is in
/// kilobytes on Linux and the BSDs, bytes on macOS).
#[cfg(unix)]
fn costs(usage: &nix::libc::rusage) -> (Duration, u64) {
    let duration = |time: nix::libc::timeval| {
        let seconds = u64::try_from(time.tv_sec).unwrap_or(0);
        let micros = u64::try_from(time.tv_usec).unwrap_or(0);
        Duration::from_secs(seconds) + Duration::from_micros(micros)
    };
    let max_rss = u64::try_from(usage.ru_maxrss).unwrap_or(0);
    let peak = if cfg!(target_os = "macos") {
        max_rss
    } else {
        max_rss * 1024
    };
    (duration(usage.ru_utime) + duration(usage.ru_stime), peak)
}
