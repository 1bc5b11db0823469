/// Which records report a hostile act. A record that does not — a statement, a visit, a protest, a political
/// development — is judged `out_of_scope` before any clause of an agreement is looked at.
///
/// - GDELT: CAMEO roots 18 (assault), 19 (fight) and 20 (unconventional mass violence) are hostile acts, and so
///   are 1712 (destroy property) and 175 (violent repression). 15 (force posture) uses no force; 17 (coerce) is
///   otherwise arrests, sanctions and seizures; 145 (violent protest, riot) is civil unrest, not an act of a belligerent.
/// - ACLED: `Battles`, `Explosions/Remote violence` and `Violence against civilians` are hostile acts, and so is
///   the strategic development `Disrupted weapons use` (an intercepted or defused attack); other strategic
///   developments, `Protests` and `Riots` (unorganised crowds, not the armed groups a ceasefire binds) are not.
public enum HostileActs {
    /// Whether a CAMEO event code (`0871`, `193`) reports a hostile act.
    public static func isHostile(cameo code: String) -> Bool {
        code.hasPrefix("18") || code.hasPrefix("19") || code.hasPrefix("20") || code.hasPrefix("175") || code == "1712"
    }

    /// Whether an ACLED event and sub-event type report a hostile act.
    public static func isHostile(acledEventType eventType: String?, subEventType: String?) -> Bool {
        switch eventType {
        case "Protests", "Riots": return false
        case "Strategic developments": return subEventType == "Disrupted weapons use"
        default: return true
        }
    }

    /// Why a record reported no hostile act, from its source records: `GDELT CAMEO 042 (make a visit)`,
    /// `ACLED Strategic developments: Agreement`.
    public static func reason(for sources: [SourceRecord]) -> String {
        for source in sources {
            func field(_ name: String) -> String? { source.fields.first { $0.name == name && !$0.value.isEmpty }?.value }
            if source.dataset == "gdelt", let code = field("EventCode") {
                return "GDELT CAMEO \(code)" + (cameoLabel(code).map { " (\($0))" } ?? "")
            }
            if source.dataset == "acled", let type = field("event_type") {
                return "ACLED \(type)" + (field("sub_event_type").map { ": \($0)" } ?? "")
            }
        }
        return "the record reports no use of force (action: none)"
    }

    /// The label of a CAMEO code from GDELT's `CAMEO.eventcodes.txt`, lower-cased: the code's own where listed
    /// here, else its root's.
    public static func cameoLabel(_ code: String) -> String? {
        cameoLabels[code] ?? cameoLabels[String(code.prefix(2))]
    }

    private static let cameoLabels: [String: String] = [
        "01": "make public statement", "02": "appeal", "03": "express intent to cooperate", "04": "consult",
        "05": "engage in diplomatic cooperation", "06": "engage in material cooperation", "07": "provide aid",
        "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten",
        "14": "protest", "15": "exhibit force posture", "16": "reduce relations", "17": "coerce", "18": "assault",
        "19": "fight", "20": "use unconventional mass violence",
        "010": "make statement", "036": "express intent to meet or negotiate", "040": "consult",
        "042": "make a visit", "043": "host a visit", "046": "engage in negotiation", "051": "praise or endorse",
        "057": "sign formal agreement", "0871": "declare truce or ceasefire", "107": "demand ceasefire",
        "145": "protest violently, riot", "1712": "destroy property", "173": "arrest, detain, or charge with legal action",
        "175": "use tactics of violent repression",
    ]
}
