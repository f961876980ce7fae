//! The reviewed list of differences we keep on purpose (`spec/upstream-deviations.yaml`), and
//! the [`Report`]: every difference, allowed or not, plus the listed deviations that no longer
//! occur (stale), so the list cannot rot.
//!
//! The file is a YAML list; each entry names one difference by its kind and the JSON pointers
//! (RFC 6901, as `cargo xtask upstream` prints them after `#`) on both sides, and says why:
//!
//! ```yaml
//! - kind: security-scheme
//!   ours: /components/securitySchemes/private_apps
//!   published: /components/securitySchemes/private_apps
//!   reason: HubSpot accepts a private app token as a bearer token, whatever its files say.
//! ```
//!
//! An entry matches that difference in whichever published file it occurs. All four keys are
//! required, `reason` must not be blank, and no other key is allowed.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::de::{self, Deserializer};
use serde::Deserialize;

use super::difference::{Difference, Kind};
use crate::error::{Error, Location, SpecProblem};
use crate::load;

/// One listed deviation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deviation {
    /// Its position in the file, from 1.
    pub entry: usize,
    /// The kind of difference.
    pub kind: Kind,
    /// Our pointer (RFC 6901, no `#`).
    pub ours: String,
    /// The published pointer.
    pub published: String,
    /// Why we differ.
    pub reason: String,
}

impl fmt::Display for Deviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "entry {}: {} ours {} published {}",
            self.entry, self.kind, self.ours, self.published
        )
    }
}

/// A parsed deviations file.
#[derive(Debug, Clone, Default)]
pub struct Deviations {
    /// The file as the user named it.
    pub label: String,
    /// Its entries, in file order.
    pub entries: Vec<Deviation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    kind: RawKind,
    ours: RawPointer,
    published: RawPointer,
    reason: RawReason,
}

struct RawKind(Kind);
struct RawPointer(String);
struct RawReason(String);

impl<'de> Deserialize<'de> for RawKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Kind::parse(&name).map(RawKind).ok_or_else(|| {
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            de::Error::custom(format!(
                "unknown kind `{name}`, expected one of: {}",
                known.join(", ")
            ))
        })
    }
}

impl<'de> Deserialize<'de> for RawPointer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let pointer = text.strip_prefix('#').unwrap_or(&text);
        if pointer.is_empty() || pointer.starts_with('/') {
            Ok(RawPointer(pointer.to_owned()))
        } else {
            Err(de::Error::custom(format!(
                "`{text}` is not a JSON pointer: expected one starting with `/`, such as \
                 `/components/schemas/Thread/properties/status`"
            )))
        }
    }
}

impl<'de> Deserialize<'de> for RawReason {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.trim().is_empty() {
            Err(de::Error::custom(
                "`reason` is empty: say why we differ from the published spec",
            ))
        } else {
            Ok(RawReason(text.trim().to_owned()))
        }
    }
}

impl Deviations {
    /// Reads the deviations file at `path`, labelled `label`.
    pub fn load(path: &Path, label: &str) -> Result<Self, Error> {
        Self::parse(path, label, &load::read(path)?)
    }

    /// Parses deviations text; `path` names it in errors, which carry the line and column.
    pub fn parse(path: &Path, label: &str, text: &str) -> Result<Self, Error> {
        let raw: Option<Vec<RawEntry>> = serde_yaml::from_str(text).map_err(|e| Error::Parse {
            path: path.to_owned(),
            location: Location(e.location().map(|l| (l.line(), l.column()))),
            message: format!(
                "{e} (expected a list of entries with `kind`, `ours`, `published` and `reason`)"
            ),
        })?;
        let mut entries: Vec<Deviation> = Vec::new();
        for (i, raw) in raw.unwrap_or_default().into_iter().enumerate() {
            let entry = Deviation {
                entry: i + 1,
                kind: raw.kind.0,
                ours: raw.ours.0,
                published: raw.published.0,
                reason: raw.reason.0,
            };
            let same = |e: &&Deviation| {
                (e.kind, &e.ours, &e.published) == (entry.kind, &entry.ours, &entry.published)
            };
            if let Some(first) = entries.iter().find(same) {
                return Err(Error::Spec {
                    path: path.to_owned(),
                    problems: vec![SpecProblem {
                        pointer: format!("#/{i}"),
                        message: format!(
                            "entry {} lists the same difference as entry {}",
                            entry.entry, first.entry
                        ),
                    }],
                });
            }
            entries.push(entry);
        }
        Ok(Deviations {
            label: label.to_owned(),
            entries,
        })
    }
}

/// A difference and, when a deviation lists it, why it is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The difference.
    pub difference: Difference,
    /// The reason of the deviation that allows it, if one does.
    pub allowed: Option<String>,
}

/// The outcome of `cargo xtask upstream`.
#[derive(Debug, Clone)]
pub struct Report {
    /// Our spec, as named by the user.
    pub ours: String,
    /// The published files.
    pub published: Vec<String>,
    /// The deviations file.
    pub deviations: String,
    /// Every difference, in [`compare`](super::compare)'s order.
    pub findings: Vec<Finding>,
    /// Listed deviations that matched no difference.
    pub stale: Vec<Deviation>,
}

impl Report {
    /// Sorts `differences` into allowed and not, and finds the stale deviations.
    pub fn new(
        ours: &str,
        published: &[&str],
        deviations: &Deviations,
        differences: Vec<Difference>,
    ) -> Self {
        let by_key: HashMap<(Kind, &str, &str), usize> = deviations
            .entries
            .iter()
            .enumerate()
            .map(|(i, d)| ((d.kind, d.ours.as_str(), d.published.as_str()), i))
            .collect();
        let mut used = vec![false; deviations.entries.len()];
        let findings = differences
            .into_iter()
            .map(|difference| {
                let key = (
                    difference.kind,
                    difference.ours.pointer.as_str(),
                    difference.published.pointer.as_str(),
                );
                let allowed = by_key.get(&key).map(|&i| {
                    used[i] = true;
                    deviations.entries[i].reason.clone()
                });
                Finding {
                    difference,
                    allowed,
                }
            })
            .collect();
        let stale = deviations
            .entries
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|(d, _)| d.clone())
            .collect();
        Report {
            ours: ours.to_owned(),
            published: published.iter().map(|p| (*p).to_owned()).collect(),
            deviations: deviations.label.clone(),
            findings,
            stale,
        }
    }

    /// Differences no deviation lists.
    pub fn unexplained(&self) -> usize {
        self.findings.iter().filter(|f| f.allowed.is_none()).count()
    }

    /// Differences a deviation allows.
    pub fn allowed(&self) -> usize {
        self.findings.len() - self.unexplained()
    }

    /// True when every difference is allowed and no deviation is stale.
    pub fn passed(&self) -> bool {
        self.unexplained() == 0 && self.stale.is_empty()
    }
}
