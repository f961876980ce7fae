//! What must not outlive the command: child processes, registered while they run, and the
//! scratch folder. An interrupt (Ctrl-C, SIGTERM, SIGHUP) stops every registered process and
//! removes the folder before exiting.

use std::path::PathBuf;
use std::process::Child;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Exit status after an interrupt, as shells report SIGINT.
const INTERRUPTED: i32 = 130;

/// How long a child gets to exit after SIGTERM before it is killed.
const GRACE: Duration = Duration::from_secs(5);

/// Running children by process id, with whether each leads its own process group.
static RUNNING: Mutex<Vec<(u32, bool)>> = Mutex::new(Vec::new());

/// The scratch folder to remove after an interrupt.
static SCRATCH: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Stops every registered child and removes the scratch folder, then exits, on Ctrl-C, SIGTERM
/// or SIGHUP.
pub fn on_interrupt() -> Result<(), String> {
    ctrlc::set_handler(|| {
        let running = std::mem::take(&mut *lock());
        for (pid, group) in running {
            signal(pid, group, Signal::Kill);
        }
        let scratch = SCRATCH
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(folder) = scratch {
            let _ = std::fs::remove_dir_all(folder);
        }
        eprintln!("interrupted: stopped the mock server and the suite");
        std::process::exit(INTERRUPTED);
    })
    .map_err(|e| format!("cannot handle Ctrl-C: {e}"))
}

/// Sets the scratch folder an interrupt removes (`None`: none).
pub fn scratch(folder: Option<PathBuf>) {
    *SCRATCH.lock().unwrap_or_else(PoisonError::into_inner) = folder;
}

/// Registers `child`; `group` when it leads its own process group (its children go too).
pub fn register(child: &Child, group: bool) {
    lock().push((child.id(), group));
}

/// Stops `child` (SIGTERM, then SIGKILL after a grace period), reaps it and unregisters it.
pub fn stop(child: &mut Child, group: bool) {
    let pid = child.id();
    if matches!(child.try_wait(), Ok(None)) {
        signal(pid, group, Signal::Term);
        let deadline = Instant::now() + GRACE;
        while matches!(child.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    // The leader may be gone while others in its group still run.
    signal(pid, group, Signal::Kill);
    let _ = child.wait();
    lock().retain(|(p, _)| *p != pid);
}

/// Unregisters a child that has exited by itself.
pub fn forget(child: &Child) {
    let pid = child.id();
    lock().retain(|(p, _)| *p != pid);
}

fn lock() -> std::sync::MutexGuard<'static, Vec<(u32, bool)>> {
    RUNNING.lock().unwrap_or_else(PoisonError::into_inner)
}

enum Signal {
    Term,
    Kill,
}

#[cfg(unix)]
fn signal(pid: u32, group: bool, which: Signal) {
    use nix::sys::signal::{kill, killpg, Signal as S};
    use nix::unistd::Pid;
    let Ok(raw) = i32::try_from(pid) else {
        return;
    };
    let which = match which {
        Signal::Term => S::SIGTERM,
        Signal::Kill => S::SIGKILL,
    };
    // Errors mean the process (group) is already gone.
    let _ = if group {
        killpg(Pid::from_raw(raw), which)
    } else {
        kill(Pid::from_raw(raw), which)
    };
}

#[cfg(not(unix))]
fn signal(pid: u32, _group: bool, _which: Signal) {
    let _ = std::process::Command::new("taskkill")
        .args(["/T", "/F", "/PID", &pid.to_string()])
        .status();
}
