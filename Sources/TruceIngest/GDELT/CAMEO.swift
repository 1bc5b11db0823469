import TruceCore

/// What Truce reads from GDELT's CAMEO codes. Event codes are text with leading zeros (`0871`), never numbers.
enum CAMEO {
    /// Labels for the codes of force and of ceasefires, from GDELT's `CAMEO.eventcodes.txt`, lower-cased.
    static let labels: [String: String] = [
        "0871": "declare truce or ceasefire", "0872": "ease military blockade", "107": "demand ceasefire",
        "1056": "demand de-escalation of military engagement", "1246": "refuse to de-escalate military engagement",
        "180": "use unconventional violence", "181": "abduct, hijack or take hostage", "182": "physically assault",
        "183": "conduct suicide, car or other non-military bombing", "1831": "carry out suicide bombing",
        "1832": "carry out car bombing", "1833": "carry out roadside bombing", "185": "attempt to assassinate",
        "186": "assassinate", "190": "use conventional military force", "191": "impose blockade, restrict movement",
        "192": "occupy territory", "193": "fight with small arms and light weapons", "194": "fight with artillery and tanks",
        "195": "employ aerial weapons", "196": "violate ceasefire", "200": "use unconventional mass violence",
        "202": "engage in mass killings", "204": "use weapons of mass destruction",
    ]

    /// The action an event code states clearly: 193 small arms → `ground_assault`, 194 artillery and tanks →
    /// `artillery`, 195 aerial weapons → `strike` (aircraft, missiles and drones alike: the code does not say
    /// which), 183x bombings and 196 violate ceasefire → `other`; `none` for a code that reports no hostile act
    /// (see ``HostileActs``), `nil` for every other code, 190 ("conventional military force, not specified")
    /// included. CAMEO has no code for sabotage (1822 is torture, 1833 a roadside bombing), so GDELT yields none.
    static func action(eventCode code: String) -> ActionType? {
        if !HostileActs.isHostile(cameo: code) { return .noHostileAct }
        switch code {
        case "193": return .groundAssault
        case "194": return .artillery
        case "195": return .strike
        case "196": return .other
        default: return code.hasPrefix("183") ? .other : nil
        }
    }

    /// The party an actor country code names (`RUS` → `RU`, `UKR` → `UA`, `ISR` → `IL`): CAMEO country codes
    /// are ISO alpha-3; regional codes such as `EUR` or `AFR` name no party.
    static func party(actorCountryCode code: String) -> PartyID? {
        Countries.alpha2(alpha3: code).map { PartyID($0) }
    }
}
