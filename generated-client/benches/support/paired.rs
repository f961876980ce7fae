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
    let times = samples(rounds, sides.len(), |side| {
        sides[side](per_round).as_secs_f64()
    });
    let per_iteration = times
        .iter()
        .map(|t| median(t.clone()) / per_round as f64)
        .collect();
    let ratio_to_first = times.iter().map(|t| median_ratio(t, &times[0])).collect();
    Paired {
        per_iteration,
        ratio_to_first,
    }
}

/// Runs `rounds` rounds of one sample per side (`run(side)` takes it), starting with a different
/// side each round; returns the samples by side, in round order.
pub fn samples<T>(rounds: usize, sides: usize, mut run: impl FnMut(usize) -> T) -> Vec<Vec<T>> {
    let mut samples: Vec<Vec<T>> = (0..sides).map(|_| Vec::with_capacity(rounds)).collect();
    for round in 0..rounds {
        let mut this_round: Vec<Option<T>> = (0..sides).map(|_| None).collect();
        for k in 0..sides {
            let side = (round + k) % sides;
            this_round[side] = Some(run(side));
        }
        for (side, sample) in this_round.into_iter().enumerate() {
            samples[side].push(sample.expect("every side ran"));
        }
    }
    samples
}

/// The median over rounds of `values[i] / base[i]`.
pub fn median_ratio(values: &[f64], base: &[f64]) -> f64 {
    median(values.iter().zip(base).map(|(a, b)| a / b).collect())
}

/// The median of `values` (the upper one of an even count).
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
