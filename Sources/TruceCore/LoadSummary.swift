/// What loading a batch of records changed: the counts every load prints, e.g. `3 new, 1 updated, 40 unchanged, 2 quarantined`.
public struct LoadSummary: Hashable, Codable, Sendable, CustomStringConvertible {
    public var new: Int
    public var updated: Int
    public var unchanged: Int
    public var quarantined: Int

    public init(new: Int = 0, updated: Int = 0, unchanged: Int = 0, quarantined: Int = 0) {
        self.new = new
        self.updated = updated
        self.unchanged = unchanged
        self.quarantined = quarantined
    }

    /// Every record the load saw.
    public var total: Int { new + updated + unchanged + quarantined }

    public static func + (lhs: Self, rhs: Self) -> Self {
        LoadSummary(
            new: lhs.new + rhs.new, updated: lhs.updated + rhs.updated, unchanged: lhs.unchanged + rhs.unchanged,
            quarantined: lhs.quarantined + rhs.quarantined)
    }

    public var description: String { "\(new) new, \(updated) updated, \(unchanged) unchanged, \(quarantined) quarantined" }
}
