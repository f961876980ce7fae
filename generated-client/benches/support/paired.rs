//! Paired rounds: several callers measured in alternation, rotating which goes first, so a
//! change in the machine's load (or in the allocator's state) hits all of them alike.

use std::time::Duration;

/// Per-side medians of one paired measurement.
pub struct Paired {
    /// Median seconds per iteration, by side.
    pub per_iteration: Vec<f64>,
    /// Median over rounds of each side's time divided by side 0's.
    pub ratio_to_first: Vec<f64>,
}

/// Runs `rounds` rounds; in each, every side runs `per_round` iterations (its closure times
/// them), starting with a different side each round.
pub fn measure(
    rounds: usize,
    per_round: u64,
    sides: &mut [&mut dyn FnMut(u64) -> Duration],
) -> Paired {
    let n = sides.len();
    let mut times = vec![Vec::with_capacity(rounds); n];
    for round in 0..rounds {
        let mut this_round = vec![0.0; n];
        for k in 0..n {
            let side = (round + k) % n;
            this_round[side] = sides[side](per_round).as_secs_f64();
        }
        for (side, time) in this_round.into_iter().enumerate() {
            times[side].push(time);
        }
    }
    let per_iteration = times
        .iter()
        .map(|t| median(t.clone()) / per_round as f64)
        .collect();
    let ratio_to_first = times
        .iter()
        .map(|t| median(t.iter().zip(&times[0]).map(|(a, b)| a / b).collect()))
        .collect();
    Paired {
        per_iteration,
        ratio_to_first,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
