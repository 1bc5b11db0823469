import Testing
import TruceCore

@Suite("Clause checks packed as verdicts are stored")
struct PackedChecksTests {
    static let outcomes: [ClauseCheck.Outcome] = [.pass, .fail, .unknown]
    static let uncertainties: [ClauseCheck.Uncertainty?] = [nil, .imprecise, .disputed, .missing, .unattributed]

    @Test("every outcome and uncertainty of every clause, with and without exceptions, unpacks as it was packed")
    func everyCombinationRoundTrips() {
        for (index, clause) in PackedChecks.clauses.enumerated() {
            for outcome in Self.outcomes {
                for uncertainty in Self.uncertainties {
                    for exceptions in [false, true] {
                        var checks = PackedChecks.clauses.map { ClauseCheck($0, .pass, "") }
                        checks[index] = ClauseCheck(clause, outcome, uncertainty: uncertainty, "")
                        if exceptions { checks.append(ClauseCheck(.exceptions, .pass, "")) }
                        #expect(PackedChecks.unpack(PackedChecks.pack(checks)) == checks)
                    }
                }
            }
        }
    }

    @Test("packing drops reasons and keeps clause order whatever order the checks come in")
    func reasonsAreNotKept() {
        let checks = [
            ClauseCheck(.action, .fail, "not covered"), ClauseCheck(.time, .unknown, uncertainty: .imprecise, "straddles"),
        ]
        let unpacked = PackedChecks.unpack(PackedChecks.pack(checks))
        #expect(unpacked.map(\.clause) == PackedChecks.clauses)
        #expect(unpacked.allSatisfy { $0.reason.isEmpty })
        #expect(unpacked[0].outcome == .unknown && unpacked[0].uncertainty == .imprecise && unpacked[4].outcome == .fail)
    }
}
