//! A small deterministic random number generator (SplitMix64): the demo council is the same every time, and a
//! KPI audit sample drawn from a published seed can be drawn again by anyone.

/// SplitMix64: fast, tiny and good enough for plausible noise.
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator seeded from `seed` and a text key (one stream per KPI).
    pub fn new(seed: u64, key: &str) -> Self {
        let mixed = key.bytes().fold(seed, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3)
        });
        Self(mixed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (`n` must be at least 1).
    pub fn below(&mut self, n: usize) -> usize {
        // Multiply-shift keeps every value equally likely to within 2^-64 of each other.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Roughly normal with mean 0 and standard deviation 1 (sum of four uniforms, rescaled).
    pub fn normal(&mut self) -> f64 {
        ((0..4).map(|_| self.unit()).sum::<f64>() - 2.0) * 3f64.sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_and_key_give_the_same_stream() {
        let a: Vec<f64> = (0..5)
            .map({
                let mut r = SplitMix::new(7, "kpi-1");
                move |_| r.unit()
            })
            .collect();
        let b: Vec<f64> = (0..5)
            .map({
                let mut r = SplitMix::new(7, "kpi-1");
                move |_| r.unit()
            })
            .collect();
        assert_eq!(a, b);
        assert!(a.iter().all(|v| (0.0..1.0).contains(v)));
        let mut other = SplitMix::new(7, "kpi-2");
        assert_ne!(a[0], other.unit());
    }

    #[test]
    fn below_stays_in_range_and_reaches_every_value() {
        let mut r = SplitMix::new(3, "draw");
        let mut seen = [0usize; 7];
        for _ in 0..7_000 {
            seen[r.below(7)] += 1;
        }
        assert!(seen.iter().all(|&n| n > 800), "{seen:?}");
    }

    #[test]
    fn normal_noise_is_centred() {
        let mut r = SplitMix::new(1, "noise");
        let mean = (0..10_000).map(|_| r.normal()).sum::<f64>() / 10_000.0;
        assert!(mean.abs() < 0.05, "{mean}");
    }
}
