/// What was struck, at the coarse level agreements use.
public enum TargetCategory: String, CaseIterable, Hashable, Codable, Sendable {
    case energy
    case civilian
    case transport
    case port
    case military
    case industrial
    case government
    case other

    /// The subtypes Truce knows for this category. `other` accepts any subtype.
    public var knownSubtypes: [String] {
        switch self {
        case .energy:
            return [
                "power_plant", "substation", "transformer", "transmission_line", "refinery", "oil_storage",
                "oil_pipeline", "gas_pipeline", "gas_facility", "pumping_station", "dam",
            ]
        case .civilian: return ["residential", "hospital", "school", "shop", "religious", "public_space"]
        case .transport: return ["rail", "road", "bridge", "airport", "vessel", "fuel_station"]
        case .port: return ["port", "grain_terminal"]
        case .military: return ["base", "airfield", "equipment", "personnel", "warship"]
        case .industrial: return ["factory", "warehouse", "agricultural"]
        case .government: return ["administrative"]
        case .other: return []
        }
    }

    /// Whether `subtype` belongs to this category.
    public func accepts(subtype: String) -> Bool {
        self == .other ? subtype.isSlugLike : knownSubtypes.contains(subtype)
    }
}

/// How force was used.
public enum ActionType: String, CaseIterable, Hashable, Codable, Sendable {
    case airStrike = "air_strike"
    case missileStrike = "missile_strike"
    case droneStrike = "drone_strike"
    case artillery
    case groundAssault = "ground_assault"
    case navalAttack = "naval_attack"
    case sabotage
    case blockade
    case other
    /// No force was used: the record reports no hostile act (a statement, a visit, a protest), so no
    /// agreement can be violated by it. See ``HostileActs``.
    case noHostileAct = "none"
}

extension String {
    /// Lower-case letters, digits and underscores only.
    var isSlugLike: Bool {
        !isEmpty && unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
