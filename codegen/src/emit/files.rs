//! Each generated file as a plan: a head (inner docs, imports) and parts (whole top-level
//! items). Formatting runs part by part on every core: a part's tokens are built, parsed and
//! formatted on whichever thread takes it, then dropped, so a giant spec never holds a whole
//! file's tokens or syntax tree at once; the texts are joined in plan order, so the output is
//! the same bytes as formatting each file whole.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

use proc_macro2::TokenStream;

use super::unparse;
use crate::error::Error;

/// Builds the tokens of one part.
pub(super) type Part<'a> = Box<dyn Fn() -> TokenStream + Sync + 'a>;

/// One generated file, planned.
pub(super) struct Plan<'a> {
    /// Relative path, `/`-separated.
    pub path: &'static str,
    /// The file's first items, given whether any part's tokens matched [`Plan::probe`].
    pub head: Box<dyn Fn(bool) -> TokenStream + Sync + 'a>,
    /// What the head needs to know of the parts (such as whether they name a module it imports).
    pub probe: fn(&TokenStream) -> bool,
    /// The rest of the file, in order.
    pub parts: Vec<Part<'a>>,
}

impl<'a> Plan<'a> {
    /// A file whose tokens are built whole, as one part.
    pub fn whole(path: &'static str, tokens: impl Fn() -> TokenStream + Sync + 'a) -> Self {
        Plan {
            path,
            head: Box::new(|_| TokenStream::new()),
            probe: |_| false,
            parts: vec![Box::new(tokens)],
        }
    }

    /// The whole file's tokens, unformatted.
    pub fn tokens(&self) -> TokenStream {
        let parts: Vec<TokenStream> = self.parts.iter().map(|part| part()).collect();
        let mut tokens = (self.head)(parts.iter().any(self.probe));
        tokens.extend(parts);
        tokens
    }
}

/// A formatted part: its items' texts, and whether its tokens matched the plan's probe.
type Formatted = Result<(Vec<String>, bool), Error>;

/// Formats every plan, parts on every core; each file's text is its items' texts (head first)
/// joined by blank lines, as [`super::format`] joins a whole file's.
pub(super) fn format_plans(plans: &[Plan<'_>]) -> Result<Vec<(&'static str, String)>, Error> {
    let jobs: Vec<Box<dyn Fn() -> Formatted + Sync + '_>> = plans
        .iter()
        .flat_map(|plan| {
            plan.parts.iter().map(move |part| {
                Box::new(move || {
                    let tokens = part();
                    let probed = (plan.probe)(&tokens);
                    Ok((unparse(plan.path, tokens)?, probed))
                }) as Box<dyn Fn() -> Formatted + Sync>
            })
        })
        .collect();
    let mut formatted = in_parallel(&jobs).into_iter();
    let mut files = Vec::with_capacity(plans.len());
    for plan in plans {
        let mut texts = Vec::new();
        let mut probed = false;
        for result in formatted.by_ref().take(plan.parts.len()) {
            let (part, matched) = result?;
            texts.extend(part);
            probed |= matched;
        }
        let mut head = unparse(plan.path, (plan.head)(probed))?;
        head.append(&mut texts);
        files.push((plan.path, head.join("\n")));
    }
    Ok(files)
}

/// Runs `jobs` on as many threads as there are cores (fewer when there are fewer jobs), each
/// taking the next job not yet taken; the results come back in job order.
pub(super) fn in_parallel<T: Send>(jobs: &[impl Fn() -> T + Sync]) -> Vec<T> {
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let threads = cores.min(jobs.len());
    let next = AtomicUsize::new(0);
    // Each thread's results are in the order it took them: tag them to restore job order.
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { break };
            done.push((index, job()));
        }
        done
    };
    let mut results = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        all
    });
    results.sort_unstable_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    #[test]
    fn results_come_back_in_job_order() {
        let jobs: Vec<_> = (0..200)
            .map(|i| {
                move || {
                    // Uneven work, so threads finish out of order.
                    std::thread::sleep(std::time::Duration::from_micros((i % 7) * 50));
                    i * 3
                }
            })
            .collect();
        let expected: Vec<u64> = (0..200).map(|i| i * 3).collect();
        assert_eq!(in_parallel(&jobs), expected);
        assert!(in_parallel(&Vec::<fn() -> u8>::new()).is_empty());
    }

    #[test]
    fn a_plan_formats_as_its_whole_file_does() {
        let plan = Plan {
            path: "m.rs",
            head: Box::new(|named| {
                let import = named.then(|| {
                    quote!(
                        use super::models;
                    )
                });
                quote!(#![doc = " Docs."] #import)
            }),
            probe: |tokens| tokens.to_string().contains("models"),
            parts: ["A", "B", "C"]
                .into_iter()
                .map(|name| -> Part<'_> {
                    Box::new(move || {
                        let name = quote::format_ident!("{name}");
                        quote! {
                            pub struct #name(pub models::X);
                            impl #name { pub fn a(&self) {} pub fn b(&self) {} }
                        }
                    })
                })
                .collect(),
        };
        let whole = unparse("m.rs", plan.tokens()).unwrap().join("\n");
        let planned = format_plans(std::slice::from_ref(&plan)).unwrap();
        assert_eq!(planned, vec![("m.rs", whole.clone())]);
        assert!(whole.contains("use super::models;"), "{whole}");
        assert!(
            whole.contains("    pub fn a(&self) {}\n\n    pub fn b"),
            "{whole}"
        );
    }

    #[test]
    fn the_first_failing_part_is_reported() {
        let plan = Plan {
            path: "bad.rs",
            head: Box::new(|_| TokenStream::new()),
            probe: |_| false,
            parts: vec![
                Box::new(|| {
                    quote!(
                        struct Fine;
                    )
                }),
                Box::new(|| quote!(struct First)),
                Box::new(|| quote!(fn second)),
            ],
        };
        let err = format_plans(&[plan]).unwrap_err().to_string();
        assert!(err.contains("bad.rs"), "{err}");
        assert!(err.contains("expected"), "{err}");
    }
}
