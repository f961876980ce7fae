//! Strongly connected components of the type graph (Tarjan's algorithm, iterative), kept up to
//! date as edges are removed: cycle breaking asks "does this edge close a cycle?" once per
//! inline field, and that is "are both ends in one component?".

use std::collections::HashMap;

/// A directed graph over named nodes with the component of every node.
pub(super) struct Graph {
    index: HashMap<String, usize>,
    edges: Vec<Vec<usize>>,
    component: Vec<usize>,
    components: usize,
}

/// Per-node state of one Tarjan run.
#[derive(Clone, Copy)]
struct Visit {
    order: usize,
    low: usize,
    on_stack: bool,
}

impl Graph {
    /// A graph of `names` (node `i` is `names[i]`) without edges.
    pub(super) fn new(names: &[String]) -> Self {
        Graph {
            index: names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.clone(), i))
                .collect(),
            edges: vec![Vec::new(); names.len()],
            component: vec![0; names.len()],
            components: 0,
        }
    }

    /// The node named `name`.
    pub(super) fn index(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// Sets the edges leaving `node`.
    pub(super) fn set_edges(&mut self, node: usize, targets: Vec<usize>) {
        self.edges[node] = targets;
    }

    /// Computes the components of the whole graph.
    pub(super) fn components(&mut self) {
        let all: Vec<usize> = (0..self.edges.len()).collect();
        self.split(&all);
    }

    /// Whether `a` and `b` are in one component (each reaches the other).
    pub(super) fn same_component(&self, a: usize, b: usize) -> bool {
        self.component[a] == self.component[b]
    }

    /// The longest path through the graph of components, each weighing as many nodes as it
    /// has, after [`Graph::components`]: components are numbered as Tarjan's algorithm completes
    /// them, so every edge leaving a component leads to a lower number.
    pub(super) fn longest_weighted_path(&self) -> usize {
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); self.components];
        for (node, &component) in self.component.iter().enumerate() {
            members[component].push(node);
        }
        let mut depth = vec![0usize; self.components];
        for (component, nodes) in members.iter().enumerate() {
            let below = nodes
                .iter()
                .flat_map(|&node| &self.edges[node])
                .map(|&target| self.component[target])
                .filter(|&c| c != component)
                .map(|c| depth[c])
                .max()
                .unwrap_or(0);
            depth[component] = nodes.len() + below;
        }
        depth.into_iter().max().unwrap_or(0)
    }

    /// Removes one edge `from → to` and recomputes the components of the component it was in.
    pub(super) fn remove_edge(&mut self, from: usize, to: usize) {
        if let Some(at) = self.edges[from].iter().position(|&t| t == to) {
            self.edges[from].remove(at);
        }
        let old = self.component[from];
        if old == self.component[to] {
            let members: Vec<usize> = (0..self.edges.len())
                .filter(|&n| self.component[n] == old)
                .collect();
            self.split(&members);
        }
    }

    /// Gives every node of `members` (a union of components) a fresh component id, following
    /// only edges between members.
    fn split(&mut self, members: &[usize]) {
        let mut visits: HashMap<usize, Visit> = HashMap::with_capacity(members.len());
        let member: std::collections::HashSet<usize> = members.iter().copied().collect();
        let mut stack = Vec::new();
        let mut order = 0;
        for &root in members {
            if visits.contains_key(&root) {
                continue;
            }
            // (node, next edge to look at)
            let mut work = vec![(root, 0usize)];
            while let Some(&mut (node, ref mut next)) = work.last_mut() {
                if *next == 0 && !visits.contains_key(&node) {
                    visits.insert(
                        node,
                        Visit {
                            order,
                            low: order,
                            on_stack: true,
                        },
                    );
                    order += 1;
                    stack.push(node);
                }
                if let Some(&target) = self.edges[node].get(*next) {
                    *next += 1;
                    if !member.contains(&target) {
                        continue;
                    }
                    match visits.get(&target) {
                        None => work.push((target, 0)),
                        Some(t) if t.on_stack => {
                            let low = visits[&node].low.min(t.order);
                            visits.get_mut(&node).expect("visited").low = low;
                        }
                        Some(_) => {}
                    }
                    continue;
                }
                work.pop();
                let visit = visits[&node];
                if let Some(&(parent, _)) = work.last() {
                    let low = visits[&parent].low.min(visit.low);
                    visits.get_mut(&parent).expect("visited").low = low;
                }
                if visit.low == visit.order {
                    let id = self.components;
                    self.components += 1;
                    while let Some(top) = stack.pop() {
                        visits.get_mut(&top).expect("visited").on_stack = false;
                        self.component[top] = id;
                        if top == node {
                            break;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Graph;

    fn graph(edges: &[(usize, usize)], nodes: usize) -> Graph {
        let names: Vec<String> = (0..nodes).map(|i| format!("n{i}")).collect();
        let mut g = Graph::new(&names);
        for n in 0..nodes {
            let targets = edges.iter().filter(|e| e.0 == n).map(|e| e.1).collect();
            g.set_edges(n, targets);
        }
        g.components();
        g
    }

    #[test]
    fn components_follow_cycles_and_split_when_an_edge_goes() {
        // 0 → 1 → 2 → 0, 2 → 3, 3 → 3
        let mut g = graph(&[(0, 1), (1, 2), (2, 0), (2, 3), (3, 3)], 5);
        assert!(g.same_component(0, 2) && g.same_component(1, 0));
        assert!(!g.same_component(2, 3) && !g.same_component(3, 4));
        g.remove_edge(2, 0);
        assert!(!g.same_component(0, 1) && !g.same_component(1, 2));
        // A self-loop is its own component, and stays one until removed.
        assert!(g.same_component(3, 3));
    }

    #[test]
    fn the_longest_path_counts_each_component_by_its_size() {
        // 0 → 1 → 2 → 1 (a cycle of two), 3 → 0, 4 alone.
        let mut g = graph(&[(0, 1), (1, 2), (2, 1), (3, 0)], 5);
        g.components();
        assert_eq!(g.longest_weighted_path(), 4);
        let mut g = graph(&[], 0);
        g.components();
        assert_eq!(g.longest_weighted_path(), 0);
    }

    #[test]
    fn a_long_chain_is_one_component_until_cut() {
        let n = 10_000;
        let mut edges: Vec<(usize, usize)> = (0..n - 1).map(|i| (i, i + 1)).collect();
        edges.push((n - 1, 0));
        let mut g = graph(&edges, n);
        assert!(g.same_component(0, n - 1));
        g.remove_edge(0, 1);
        assert!(!g.same_component(0, 1) && !g.same_component(5, 6));
    }
}
