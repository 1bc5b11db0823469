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
                "power_plant", "substation", "transformer", "transmission_line", "distribution_network", "grid",
                "refinery", "oil_storage", "oil_pipeline", "gas_pipeline", "gas_facility", "gas_metering_station",
                "gas_storage", "gas_distribution", "pumping_station", "dam",
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
    /// A strike whose weapon is not stated: from the air, by missile or by drone (see ``strikeKinds``).
    case strike
    case artillery
    case groundAssault = "ground_assault"
    case navalAttack = "naval_attack"
    case sabotage
    case blockade
    case other
    /// No force was used: the record reports no hostile act (a statement, a visit, a protest), so no
    /// agreement can be violated by it. See ``HostileActs``.
    case noHostileAct = "none"

    /// The kinds a ``strike`` of unstated weapon may be.
    public static let strikeKinds: [ActionType] = [.airStrike, .missileStrike, .droneStrike]

    /// Whether this is a strike of a stated weapon (air, missile, drone).
    public var isStrikeKind: Bool { Self.strikeKinds.contains(self) }

    /// Whether two reports of these actions may describe the same act: equal, or a ``strike`` of unstated weapon
    /// and a strike of a stated one.
    public func mayBeSame(as other: ActionType) -> Bool {
        self == other || (self == .strike && other.isStrikeKind) || (other == .strike && isStrikeKind)
    }
}

/// Whether an act reached its target.
public enum Outcome: String, CaseIterable, Hashable, Codable, Sendable {
    /// It struck what it was aimed at.
    case hit
    /// It was shot down or jammed before it struck (an intercepted drone or missile).
    case intercepted
    /// It was tried and failed otherwise: a bomb defused or detonated early, an attack repelled.
    case attempted
    /// The source says it is not known whether it struck.
    case unknown

    /// Whether the act did not strike its target: ``intercepted`` or ``attempted``.
    public var isAttempt: Bool { self == .intercepted || self == .attempted }
}

/// Whether an agreement holds an attempt (an intercepted or failed attack) to violate it.
public enum AttemptRule: String, CaseIterable, Hashable, Codable, Sendable {
    /// An attempt violates it as a hit would: the agreement prohibits attacking, whatever the result. The default.
    case violate
    /// The agreement's text leaves it open: an attempt is a possible violation.
    case possible
    /// Only acts that strike violate it: an attempt is not a violation.
    case permitted
}

extension String {
    /// Lower-case letters, digits and underscores only.
    var isSlugLike: Bool {
        !isEmpty && unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
