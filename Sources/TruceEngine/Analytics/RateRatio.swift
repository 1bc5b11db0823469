import Foundation

/// Events in a period against events in a baseline period, as a rate ratio with an exact 95% interval.
///
/// The interval is the exact conditional one: given `n = x + y` events, the count in the period follows a
/// binomial law with p = t·RR / (t·RR + t₀); a Clopper–Pearson interval for p is turned into one for the
/// ratio, RR = p / (1 − p) · t₀ / t.
public struct RateRatio: Hashable, Codable, Sendable {
    public var count: Int
    /// The period's length in days.
    public var days: Double
    public var baselineCount: Int
    public var baselineDays: Double
    /// Events per day in each period.
    public var rate: Double
    public var baselineRate: Double
    /// `nil` when the baseline has no events (the ratio is unbounded) or there are no events at all.
    public var ratio: Double?
    public var lower: Double?
    /// `nil` when unbounded.
    public var upper: Double?

    /// - Parameters: `count` events over `days`, against `baselineCount` over `baselineDays`; `level` is the
    ///   confidence (0.95).
    public init(count: Int, days: Double, baselineCount: Int, baselineDays: Double, level: Double = 0.95) {
        self.count = count
        self.days = days
        self.baselineCount = baselineCount
        self.baselineDays = baselineDays
        rate = days > 0 ? Double(count) / days : 0
        baselineRate = baselineDays > 0 ? Double(baselineCount) / baselineDays : 0
        let total = count + baselineCount
        guard total > 0, days > 0, baselineDays > 0 else { return }
        ratio = baselineCount > 0 ? rate / baselineRate : nil
        let alpha = 1 - level
        let scale = baselineDays / days
        let pLower = count == 0 ? 0 : Beta.quantile(alpha / 2, a: Double(count), b: Double(total - count + 1))
        let pUpper = count == total ? 1 : Beta.quantile(1 - alpha / 2, a: Double(count + 1), b: Double(total - count))
        lower = pLower / (1 - pLower) * scale
        upper = pUpper >= 1 ? nil : pUpper / (1 - pUpper) * scale
    }
}

/// The beta distribution's regularized incomplete function and its inverse, for exact intervals.
enum Beta {
    /// I_x(a, b), by its continued fraction (modified Lentz), using the symmetry for x past the mean.
    static func regularized(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGamma: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGamma + logPowers)
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a: a, b: b) / a }
        return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return result
    }

    /// The x with I_x(a, b) = q, by bisection.
    static func quantile(_ q: Double, a: Double, b: Double) -> Double {
        var low = 0.0
        var high = 1.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if regularized(middle, a: a, b: b) < q { low = middle } else { high = middle }
            if high - low < 1e-14 { break }
        }
        return (low + high) / 2
    }
}
