import Testing
import TruceCore

@Suite("Claims as the compact text of link records")
struct ClaimsTextTests {
    /// The format of ``LinkRecord/encode(claims:)`` written out plainly: fields escaped and joined by tabs,
    /// claims by line breaks.
    static func reference(_ claims: [Claim]) -> String {
        func escaped(_ value: String) -> String {
            var text = ""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\\": text += "\\\\"
                case "\t": text += "\\t"
                case "\n": text += "\\n"
                default: text.unicodeScalars.append(scalar)
                }
            }
            return text
        }
        return claims.map { claim in
            [
                escaped(claim.claimant), claim.claimantParty.map { "=" + escaped($0.rawValue) } ?? "",
                claim.accused.map { "=" + escaped($0.rawValue) } ?? "",
                ["assertion": "a", "denial": "d", "verification": "v", "rejection": "r"][claim.stance.rawValue]!,
            ].joined(separator: "\t")
        }.joined(separator: "\n")
    }

    @Test("claims with or without text to escape encode as the format says, and decode to the same claims", arguments: [1, 2, 3])
    func encodeAsFormatSays(seed: UInt64) {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let claimants = [
            "ACLED (sources: Ukrinform; Anadolu Agency)", "Ministry of Defence of Russia", "", "Reuters\tciting the governor",
            "line\nbreak", "back\\slash", "e\u{301}tat", "Генштаб ЗСУ", "🛰 monitor",
        ]
        let parties: [PartyID?] = [nil, "RU", "UA", "RU-backed", "odd\\party"]
        var plainLists = 0
        for _ in 0..<300 {
            let claims = (0..<next(4)).map { _ in
                Claim(
                    claimant: claimants[next(claimants.count)], claimantParty: parties[next(parties.count)],
                    accused: parties[next(parties.count)], stance: next(3) == 0 ? Claim.Stance.allCases[next(4)] : .assertion)
            }
            let text = LinkRecord.encode(claims: claims)
            #expect(text == Self.reference(claims))
            #expect(LinkRecord.decode(claims: text) == claims)
            if !text.contains("\\") { plainLists += 1 }
        }
        #expect(plainLists > 50)
    }
}
