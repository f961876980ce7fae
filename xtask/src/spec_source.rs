//! Where a spec to compare comes from: a file, or the vendored spec as of a git revision
//! (`git show REV:spec/hubspot-conversations.yaml`, run in the workspace root; at a revision from
//! before the file got that name, the one YAML file then in `spec/`).

use std::path::Path;
use std::process::Command;

use codegen::ir::Api;
use codegen::vendored;

/// A resolved spec and how to name it in output.
pub struct Spec {
    /// The file as given, or `REV:spec/hubspot-conversations.yaml` (or the path it had at `REV`).
    pub label: String,
    /// The API it resolves to.
    pub api: Api,
}

/// `arg` as a file when one exists at that path (relative to the current directory), else as a
/// git revision of the workspace at `root`.
pub fn load(root: &Path, arg: &str) -> Result<Spec, String> {
    let path = Path::new(arg);
    if path.is_file() {
        return load_file(path, arg);
    }
    if path.exists() {
        return Err(format!(
            "`{arg}` is a directory: expected a spec file or a git revision"
        ));
    }
    at_revision(root, arg).map_err(|why| {
        format!(
            "`{arg}` is neither a file nor a git revision holding {}: {why}",
            vendored::SPEC
        )
    })
}

/// The spec file at `path`, labelled `label`.
pub fn load_file(path: &Path, label: &str) -> Result<Spec, String> {
    let api = codegen::load_api(path).map_err(|e| e.to_string())?;
    Ok(Spec {
        label: label.to_owned(),
        api,
    })
}

/// The vendored spec as committed at `rev`: [`vendored::SPEC`], or, when `rev` predates that
/// name, the only YAML file in its `spec/` folder.
pub fn at_revision(root: &Path, rev: &str) -> Result<Spec, String> {
    let (path, text) = match git(root, &["show", &format!("{rev}:./{}", vendored::SPEC)]) {
        Ok(text) => (vendored::SPEC.to_owned(), text),
        Err(why) => {
            let path = former_path(root, rev).ok_or(why)?;
            let text = git(root, &["show", &format!("{rev}:./{path}")])?;
            (path, text)
        }
    };
    let label = format!("{rev}:{path}");
    let api = codegen::parse_api(Path::new(&label), &text).map_err(|e| e.to_string())?;
    Ok(Spec { label, api })
}

/// The vendored spec's path at a revision from before it was renamed: the one `.yaml` file in
/// the spec's folder there, if there is exactly one.
fn former_path(root: &Path, rev: &str) -> Option<String> {
    let folder = Path::new(vendored::SPEC).parent()?.to_str()?;
    let listing = git(
        root,
        &["ls-tree", "--name-only", rev, &format!("{folder}/")],
    )
    .ok()?;
    let mut specs = listing.lines().filter(|name| name.ends_with(".yaml"));
    match (specs.next(), specs.next()) {
        (Some(only), None) => Some(only.to_owned()),
        _ => None,
    }
}

/// The abbreviated hash of the last commit that touched `path` (relative to `root`).
pub fn last_commit(root: &Path, path: &str) -> Result<String, String> {
    let hash = git(root, &["log", "-1", "--format=%h", "--", path])?;
    let hash = hash.trim();
    if hash.is_empty() {
        return Err(format!("no git commit touches {path}"));
    }
    Ok(hash.to_owned())
}

/// Runs `git -C root ARGS` and returns its output; the error is git's first line of complaint.
fn git(root: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().next().unwrap_or("no message").trim();
        return Err(format!("git {} failed: {first}", args.join(" ")));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| format!("git {} printed non-UTF-8 text", args.join(" ")))
}
