import Foundation

/// Which weapon a report says was used: a weapon word counts only where it names the means of the attack,
/// not where the report names what was attacked ("struck militants operating a drone", "a drone workshop", "drone
/// operators") or a defence against it ("anti-drone", "протидронов").
enum WeaponWordSense {
    /// Phrases in which a drone word names the target or a defence, not the weapon (English, Ukrainian, Russian).
    private static let notTheWeapon: NSRegularExpression = {
        let drone = "(?:drones?|uavs?|дрон\\w*|бпла)"
        let pattern = [
            "(?:operat\\w*|launch\\w*|carry\\w*|flying|fly|collect\\w*|assembl\\w*|repair\\w*)\\s+(?:an?\\s+|the\\s+|their\\s+)?(?:\\w+\\s+)?\(drone)",
            "\(drone)[\\s-]+(?:operators?|units?|crews?|teams?|pilots?|workshops?|factor\\w*|warehouses?|depots?|launch\\w*|positions?|control\\w*|production|storage|cells?)",
            "(?:anti|counter|протидрон|противодрон)[\\s-]*\(drone)?",
            "оператор\\w*\\s+\(drone)",
        ].joined(separator: "|")
        return try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }()

    /// `notes` with the phrases removed in which a drone word does not name the weapon.
    static func weaponText(_ notes: String) -> String {
        notTheWeapon.stringByReplacingMatches(in: notes, range: NSRange(notes.startIndex..., in: notes), withTemplate: " ")
    }
}
