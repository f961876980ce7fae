//! How deeply the named types nest: the longest chain of types each containing the next (in a
//! field, a list, a map, a variant or an alias), where a cycle counts every type in it once. The
//! compiler walks that chain when it checks how a value is dropped and gives up past its
//! recursion limit (128 by default), so a generated crate with deeper types raises the limit
//! (see `package.rs`). Linear: one pass over the strongly connected components.

use std::collections::BTreeMap;

use super::scc::Graph;
use super::usage::contained_names;
use crate::ir::TypeDef;

/// The number of types on the longest chain of containment among `types` (0 without types).
pub(crate) fn nesting_depth(types: &BTreeMap<String, TypeDef>) -> usize {
    let names: Vec<String> = types.keys().cloned().collect();
    let mut graph = Graph::new(&names);
    for (u, def) in types.values().enumerate() {
        let edges = contained_names(def)
            .into_iter()
            .filter_map(|t| graph.index(t))
            .collect();
        graph.set_edges(u, edges);
    }
    graph.components();
    graph.longest_weighted_path()
}
