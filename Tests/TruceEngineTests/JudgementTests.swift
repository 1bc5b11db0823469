import Testing
import TruceCore

@testable import TruceEngine

@Suite("Compact judgements")
struct JudgementTests {
    static let possibilities: [(ClauseCheck.Outcome, ClauseCheck.Uncertainty?)] = [
        (.pass, nil), (.fail, nil), (.unknown, .imprecise), (.unknown, .disputed), (.unknown, .missing),
    ]

    @Test("every combination of clause outcomes gives the verdict the rules give, and packs and unpacks unchanged")
    func everyCombination() {
        var combinations = 0
        for time in Self.possibilities {
            for place in Self.possibilities {
                for party in Self.possibilities {
                    for target in Self.possibilities {
                        for action in Self.possibilities {
                            var outcomes = ClauseOutcomes()
                            outcomes.time = ClauseCheck(.time, time.0, uncertainty: time.1, "")
                            outcomes.place = ClauseCheck(.place, place.0, uncertainty: place.1, "")
                            outcomes.party = ClauseCheck(.party, party.0, uncertainty: party.1, "")
                            outcomes.target = ClauseCheck(.target, target.0, uncertainty: target.1, "")
                            outcomes.action = ClauseCheck(.action, action.0, uncertainty: action.1, "")
                            outcomes.hasExceptions = combinations % 2 == 0
                            #expect(outcomes.kind == Verdict.kind(for: outcomes.checks))
                            #expect(ClauseOutcomes(packed: outcomes.packed).checks == outcomes.checks)
                            combinations += 1
                        }
                    }
                }
            }
        }
        #expect(combinations == 3125)
    }
}
